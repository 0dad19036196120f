import { Controller, Get } from '@nestjs/common';
import type { AgreementReport } from '@mockroom/contracts';
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
}
