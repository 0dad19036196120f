import type { JobDescriptionDetail, JobDescriptionSummary, ResumeDetail, ResumeSummary } from '@mockroom/contracts';
import type { JobDescriptionEntity, ResumeEntity } from '@mockroom/server-database';

export function toResumeSummary(row: ResumeEntity): ResumeSummary {
  const profile = row.editedProfile ?? row.profile;
  return {
    id: row.id,
    fileName: row.fileName,
    kind: row.kind,
    byteSize: row.byteSize,
    createdAt: row.createdAt.toISOString(),
    name: profile.name,
    headline: profile.headline,
    skillCount: profile.skills.length,
    claimCount: profile.claims.length,
    edited: row.editedProfile !== null,
    llmConsent: row.llmConsent,
  };
}

export function toResumeDetail(row: ResumeEntity, interviewCount: number): ResumeDetail {
  return { ...toResumeSummary(row), profile: row.editedProfile ?? row.profile, interviewCount };
}

export function toJobSummary(row: JobDescriptionEntity): JobDescriptionSummary {
  return {
    id: row.id,
    title: row.title ?? row.profile.title,
    createdAt: row.createdAt.toISOString(),
    role: row.profile.role,
    level: row.profile.level,
    topSkills: [...row.profile.skills]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 6)
      .map((s) => s.name),
  };
}

export function toJobDetail(
  row: JobDescriptionEntity,
  ranked: JobDescriptionDetail['ranked'],
  interviewCount: number,
): JobDescriptionDetail {
  return { ...toJobSummary(row), text: row.text, profile: row.profile, ranked, interviewCount };
}
