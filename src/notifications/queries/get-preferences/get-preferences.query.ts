import { Query } from '@nestjs/cqrs';
import type { AuthUser } from '../../../auth/contracts';
import type { PreferencesView } from '../../preferences-view';

export class GetPreferencesQuery extends Query<PreferencesView> {
  constructor(readonly user: AuthUser) {
    super();
  }
}
