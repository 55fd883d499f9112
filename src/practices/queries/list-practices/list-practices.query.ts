import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { PracticeViewer } from '../../domain/practice-policy';
import type { PracticeListFilter } from '../../persistence/practice-read.repository';
import type { PracticeView } from '../get-practice/practice.view';

export class ListPracticesQuery extends Query<Page<PracticeView>> {
  constructor(
    readonly filter: PracticeListFilter,
    readonly viewer: PracticeViewer,
    readonly page: PageRequest,
  ) {
    super();
  }
}
