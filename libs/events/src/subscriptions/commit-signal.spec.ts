import type { EventEnvelope } from '../event-envelope';
import type { CommitNudge } from '../events.options';
import { CommitSignal, type Commit } from './commit-signal';

/** A nudge channel that delivers what the test says another process (or this one) published. */
class LoopbackNudge implements CommitNudge {
  published: number[] = [];
  private onCommit?: (seq: number) => void;
  publish(seq: number): void {
    this.published.push(seq);
  }
  subscribe(onCommit: (seq: number) => void): void {
    this.onCommit = onCommit;
  }
  hear(seq: number): void {
    this.onCommit?.(seq);
  }
}

const event = (seq: number) => ({ seq, id: `e${seq}` }) as EventEnvelope;

describe('CommitSignal', () => {
  it('wakes listeners with local commits at once, and with nudges from elsewhere, but not with the echo of its own', () => {
    const nudge = new LoopbackNudge();
    const signal = new CommitSignal(nudge);
    signal.onModuleInit();
    const heard: Commit[] = [];
    signal.listen((commit) => heard.push(commit));

    signal.committed([event(4), event(5)]);
    expect(nudge.published).toEqual([5]);
    nudge.hear(5); // our own commit, back through Redis
    nudge.hear(3); // an older commit of another process: the listeners read past it already
    nudge.hear(7); // another process committed after us
    expect(heard).toEqual([{ seq: 5, events: [event(4), event(5)] }, { seq: 7 }]);
  });
});
