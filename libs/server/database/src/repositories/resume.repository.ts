import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InterviewEntity } from '../entities/interview.entity';
import { JobDescriptionEntity, ResumeEntity } from '../entities/resume.entity';

export type NewResume = Omit<ResumeEntity, 'createdAt' | 'updatedAt' | 'editedProfile'>;

/** Candidates' résumés and job descriptions; every read is by owner, so nobody else's is ever returned. */
@Injectable()
export class ResumeRepository {
  constructor(
    @InjectRepository(ResumeEntity) private readonly resumes: Repository<ResumeEntity>,
    @InjectRepository(JobDescriptionEntity) private readonly jobs: Repository<JobDescriptionEntity>,
    @InjectRepository(InterviewEntity) private readonly interviews: Repository<InterviewEntity>,
  ) {}

  createResume(resume: NewResume): Promise<ResumeEntity> {
    return this.resumes.save(this.resumes.create({ ...resume, editedProfile: null }));
  }

  listResumes(userId: string): Promise<ResumeEntity[]> {
    return this.resumes.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  findResume(userId: string, id: string): Promise<ResumeEntity | null> {
    return this.resumes.findOneBy({ id, userId });
  }

  async saveEditedProfile(userId: string, id: string, profile: ResumeEntity['profile']): Promise<ResumeEntity | null> {
    await this.resumes.update({ id, userId }, { editedProfile: profile });
    return this.findResume(userId, id);
  }

  /** Deletes a résumé; the interviews tailored to it lose the link. Returns it as it was, or null. */
  async deleteResume(userId: string, id: string): Promise<ResumeEntity | null> {
    const found = await this.findResume(userId, id);
    if (found) await this.resumes.delete({ id, userId });
    return found;
  }

  createJob(job: Omit<JobDescriptionEntity, 'id' | 'createdAt'>): Promise<JobDescriptionEntity> {
    return this.jobs.save(this.jobs.create(job));
  }

  listJobs(userId: string): Promise<JobDescriptionEntity[]> {
    return this.jobs.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  findJob(userId: string, id: string): Promise<JobDescriptionEntity | null> {
    return this.jobs.findOneBy({ id, userId });
  }

  async deleteJob(userId: string, id: string): Promise<boolean> {
    return ((await this.jobs.delete({ id, userId })).affected ?? 0) > 0;
  }

  /** The owner's interviews tailored to a résumé or a job description. */
  tailoredInterviews(userId: string, by: { resumeId?: string; jobDescriptionId?: string }): Promise<InterviewEntity[]> {
    return this.interviews.find({
      where: by.resumeId
        ? { candidateId: userId, resumeId: by.resumeId }
        : { candidateId: userId, jobDescriptionId: by.jobDescriptionId },
      order: { createdAt: 'DESC' },
    });
  }
}
