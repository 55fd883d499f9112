import { ANONYMOUS } from './practice-policy';
import { canSeeTimelineEvent } from './timeline-policy';
import { admin, author, cityUser, LLIRIA, SEVILLA, VALENCIA } from './testing/practice-fixtures';

const practice = { authorCityId: SEVILLA };
const lliria = cityUser(LLIRIA);
const valencia = cityUser(VALENCIA);
const hidden = new Map([['c-hidden', LLIRIA]]);
const see = (viewer: Parameters<typeof canSeeTimelineEvent>[0], type: string, data: object = {}) =>
  canSeeTimelineEvent(viewer, practice, { type, data }, hidden);

describe('canSeeTimelineEvent', () => {
  it('shows the practice’s public events to everyone who sees the practice', () => {
    for (const type of ['PracticeShared', 'PracticeUpdated', 'PracticeEndorsed', 'PracticeEndorsementWithdrawn']) {
      expect([ANONYMOUS, lliria, author, admin].map((v) => see(v, type))).toEqual([true, true, true, true]);
    }
  });

  it('shows reports to admins only', () => {
    for (const type of ['PracticeReported', 'CommentReported']) {
      expect([ANONYMOUS, lliria, author, admin].map((v) => see(v, type, { commentId: 'c', commentAuthorCityId: LLIRIA }))).toEqual([
        false,
        false,
        false,
        true,
      ]);
    }
  });

  it('shows the hiding of a practice to admins and its author city', () => {
    expect([ANONYMOUS, lliria, author, admin].map((v) => see(v, 'PracticeHidden'))).toEqual([false, false, true, true]);
    expect([ANONYMOUS, lliria, author, admin].map((v) => see(v, 'PracticeUnhidden'))).toEqual([false, false, true, true]);
  });

  it('shows a hidden comment and its hiding to admins and the comment’s author city only', () => {
    const hiddenComment = { commentId: 'c-hidden', commentAuthorCityId: LLIRIA };
    const shownComment = { commentId: 'c-shown', commentAuthorCityId: VALENCIA };
    expect([ANONYMOUS, valencia, author, lliria, admin].map((v) => see(v, 'PracticeCommented', hiddenComment))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect([ANONYMOUS, valencia, author, lliria, admin].map((v) => see(v, 'PracticeCommented', shownComment))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([ANONYMOUS, valencia, author, lliria, admin].map((v) => see(v, 'CommentHidden', hiddenComment))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect([ANONYMOUS, valencia, lliria].map((v) => see(v, 'CommentUnhidden', shownComment))).toEqual([false, true, false]);
  });
});
