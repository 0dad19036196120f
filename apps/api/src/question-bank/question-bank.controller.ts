import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import type {
  CodingTaskView,
  Page,
  Question,
  QuestionBankInfo,
  QuestionFacets,
  QuestionSummary,
  Track,
  TrackDetail,
} from '@mockroom/contracts';
import { CODING_TASKS, codingTaskFor, QuestionBank, toTaskView } from '@mockroom/question-bank';
import { QuestionQueryDto } from './dto/question-query.dto';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

@Controller()
export class QuestionBankController {
  constructor(private readonly bank: QuestionBank) {}

  @Get('question-bank')
  info(): QuestionBankInfo {
    return this.bank.info();
  }

  @Get('questions')
  list(@Query() query: QuestionQueryDto): Page<QuestionSummary> & { facets: QuestionFacets } {
    return { ...this.bank.list(query), facets: this.bank.facets(query) };
  }

  @Get('questions/:id')
  get(@Param('id') id: string): Question {
    const question = ID_PATTERN.test(id) ? this.bank.get(id) : undefined;
    if (!question) throw new NotFoundException(`No question with id "${id.slice(0, 100)}".`);
    return question;
  }

  /** The questions that open an editor, so a page asks for the editor of those only. */
  @Get('coding-questions')
  codingQuestions(): { questionIds: string[] } {
    return { questionIds: [...CODING_TASKS.keys()].sort() };
  }

  /** The editor of a coding question: statement, starter code, example tests (hidden ones only counted). */
  @Get('questions/:id/coding')
  coding(@Param('id') id: string): CodingTaskView {
    const task = ID_PATTERN.test(id) ? codingTaskFor(id) : null;
    if (!task) throw new NotFoundException(`Question "${id.slice(0, 100)}" has no code editor.`);
    return toTaskView(task);
  }

  @Get('tracks')
  tracks(): Track[] {
    return this.bank.tracks();
  }

  @Get('tracks/:id')
  track(@Param('id') id: string): TrackDetail {
    const track = ID_PATTERN.test(id) ? this.bank.track(id) : undefined;
    if (!track) throw new NotFoundException(`No track with id "${id.slice(0, 100)}".`);
    return track;
  }
}
