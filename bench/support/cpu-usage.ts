/**
 * CPU time of this process and of its child processes (Linux /proc), to tell which process a
 * measurement saturated: the API instances, the shared database, Redis, the proxy or the load
 * generator; and the whole machine's, to tell how much other people's work took meanwhile (a shared
 * machine). Children are found by parent pid, so a grandchild (e.g. a server's own database) is not.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

export interface CpuSnapshot {
  /** Ticks of each process (this one and its children). */
  processes: Map<number, number>;
  /** Busy ticks of all cores (/proc/stat: everything but idle and iowait). */
  machine: number;
}

function ticks(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

function children(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) pids.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

function machineBusy(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  void idle;
  void iowait;
  return user + nice + system + irq + softirq + steal;
}

export function cpuSnapshot(): CpuSnapshot {
  const processes = new Map<number, number>();
  for (const pid of [process.pid, ...children()]) {
    const t = ticks(pid);
    if (t !== undefined) processes.set(pid, t);
  }
  return { processes, machine: machineBusy() };
}

/** Cores used by each process, and by the whole machine, between two snapshots taken `seconds` apart. */
export function coresUsed(before: CpuSnapshot, after: CpuSnapshot, seconds: number): { processes: Map<number, number>; machine: number } {
  const processes = new Map<number, number>();
  for (const [pid, t] of after.processes) processes.set(pid, (t - (before.processes.get(pid) ?? t)) / HZ / seconds);
  return { processes, machine: (after.machine - before.machine) / HZ / seconds };
}

/** The command line of a process, its arguments joined by spaces ('' once it is gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}
