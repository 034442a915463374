/** Reading a process tree's memory and CPU time from /proc (Linux). */
import fs from "node:fs";

const CLK_TCK = 100;

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** pid and all its descendants that are alive now. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // Fields after the ")" that closes the command name: state, ppid, ...
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface ProcInfo {
  pid: number;
  name: string;
  rssKb: number;
}

function procInfo(pid: number): ProcInfo | null {
  const status = read(`/proc/${pid}/status`);
  if (!status) return null;
  const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?";
  const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return { pid, name, rssKb };
}

/** RSS of every process in the tree, in MB, with the per-process breakdown. */
export function treeRss(root: number): { totalMb: number; procs: ProcInfo[] } {
  const procs = processTree(root)
    .map(procInfo)
    .filter((p): p is ProcInfo => p !== null);
  return { totalMb: procs.reduce((s, p) => s + p.rssKb, 0) / 1024, procs };
}

/** User + system CPU seconds used so far by the tree's live processes. */
export function treeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLK_TCK;
}

/** CPU seconds (user + system) of this process's finished children so far: what the ffmpeg runs cost. */
export function childrenCpuSeconds(): number {
  const stat = read("/proc/self/stat");
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // cutime, cstime: fields 16 and 17 of stat(5), i.e. 13 and 14 after the command name.
  return (Number(fields[13]) + Number(fields[14])) / CLK_TCK;
}

/** Share of the last 10 s in which some runnable task waited for a CPU (PSI), or null where unsupported. */
export function cpuPressureAvg10(): number | null {
  const m = /^some avg10=([\d.]+)/m.exec(read("/proc/pressure/cpu") ?? "");
  return m ? Number(m[1]) : null;
}
