import type { ResumeRole } from '@mockroom/contracts';
import { roleDates } from './resume-view';

/** The roles as read: title, organisation, dates and what was done there. */
export function RoleList({ roles }: { roles: ResumeRole[] }) {
  return (
    <section className="profile-block" aria-labelledby="profile-roles-heading">
      <h3 id="profile-roles-heading" className="profile-block__title">
        Roles
      </h3>
      {roles.length === 0 ? (
        <p className="muted-text">No roles were found.</p>
      ) : (
        <ol className="profile-roles">
          {roles.map((role, index) => {
            const dates = roleDates(role);
            return (
              <li key={`${index}-${role.title}`} className="profile-role">
                <p className="profile-role__title">
                  {role.title}
                  {role.organisation && <span className="profile-role__org"> · {role.organisation}</span>}
                </p>
                {dates && <p className="profile-role__dates">{dates}</p>}
                {role.bullets.length > 0 && (
                  <ul className="bullets profile-role__bullets">
                    {role.bullets.map((bullet, i) => (
                      <li key={i}>{bullet}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
