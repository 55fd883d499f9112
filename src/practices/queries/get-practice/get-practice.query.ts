import { Query } from '@nestjs/cqrs';
import type { PracticeViewer } from '../../domain/practice-policy';
import type { PracticeView } from './practice.view';

/** A practice the viewer may see; 404 otherwise (a hidden practice does not exist for others). */
export class GetPracticeQuery extends Query<PracticeView> {
  constructor(
    readonly practiceId: string,
    readonly viewer: PracticeViewer,
  ) {
    super();
  }
}
