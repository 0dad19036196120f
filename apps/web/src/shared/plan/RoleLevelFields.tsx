import { LEVELS, ROLES, type Level, type Role } from '@mockroom/contracts';
import { SelectField } from '../ui/fields';
import { LEVEL_LABELS, ROLE_LABELS } from '../ui/labels';

/** The role and level of an interview to create, side by side: every form that makes one asks them the same way. */
export function RoleLevelFields({
  role,
  level,
  onRole,
  onLevel,
}: {
  role: Role;
  level: Level;
  onRole: (role: Role) => void;
  onLevel: (level: Level) => void;
}) {
  return (
    <div className="form-row">
      <SelectField label="Role" value={role} onChange={(value) => onRole(value as Role)}>
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Level" value={level} onChange={(value) => onLevel(value as Level)}>
        {LEVELS.map((value) => (
          <option key={value} value={value}>
            {LEVEL_LABELS[value]}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
