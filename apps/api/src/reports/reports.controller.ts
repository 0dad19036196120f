import { Controller, Get, Header } from '@nestjs/common';
import type { AgreementAnswers, AgreementReport } from '@mockroom/contracts';
import { Roles } from '../auth/auth.decorators';
import { ReportsService } from './reports.service';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The engine's scores against human interviewers' (admins only). */
  @Get('agreement')
  @Roles('admin')
  agreement(): Promise<AgreementReport> {
    return this.reports.agreement();
  }

  /**
   * The answers behind that report, with what the engine read, for `npm run eval:scoring -- --agreement FILE` (admins
   * only: it holds candidates' words).
   */
  @Get('agreement/answers')
  @Roles('admin')
  @Header('Content-Disposition', 'attachment; filename="agreement-answers.json"')
  @Header('Cache-Control', 'no-store')
  agreementAnswers(): Promise<AgreementAnswers> {
    return this.reports.agreementAnswers();
  }
}
