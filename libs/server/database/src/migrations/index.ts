import { CreateAccounts1763800000000 } from './1763800000000-create-accounts';
import { CreateInterviews1763900000000 } from './1763900000000-create-interviews';
import { CreateInterviewShares1764000000000 } from './1764000000000-create-interview-shares';
import { CreateHumanSessions1764100000000 } from './1764100000000-create-human-sessions';
import { AddMediaState1764200000000 } from './1764200000000-add-media-state';
import { AddAnswerEnding1764300000000 } from './1764300000000-add-answer-ending';
import { AddCandidateRemoved1764400000000 } from './1764400000000-add-candidate-removed';
import { SharesByAddress1764500000000 } from './1764500000000-shares-by-address';
import { AddInvitationExpiry1764600000000 } from './1764600000000-add-invitation-expiry';
import { AddRecordingFirstSeq1764700000000 } from './1764700000000-add-recording-first-seq';
import { CreateTranscriptCorrections1764800000000 } from './1764800000000-create-transcript-corrections';
import { AddLeaseToken1764900000000 } from './1764900000000-add-lease-token';
import { CreateCodingRounds1765000000000 } from './1765000000000-create-coding-rounds';
import { CreateResumes1765100000000 } from './1765100000000-create-resumes';

/** Every migration in order. Listed by hand so the compiled and the test builds see the same set. */
export const MIGRATIONS = [
  CreateAccounts1763800000000,
  CreateInterviews1763900000000,
  CreateInterviewShares1764000000000,
  CreateHumanSessions1764100000000,
  AddMediaState1764200000000,
  AddAnswerEnding1764300000000,
  AddCandidateRemoved1764400000000,
  SharesByAddress1764500000000,
  AddInvitationExpiry1764600000000,
  AddRecordingFirstSeq1764700000000,
  CreateTranscriptCorrections1764800000000,
  AddLeaseToken1764900000000,
  CreateCodingRounds1765000000000,
  CreateResumes1765100000000,
];
