// The native core on the benchmark's files: timed runs of the CLI (the release
// binary), wall time from spawn to exit; CPU time (user + system) and peak
// memory from /usr/bin/time -v (on a shared machine the CPU time is the
// steadier figure: the wall time also counts waiting for a core).
// Runs are interleaved over the files and commands like the browser cases.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const TIME = "/usr/bin/time";

// [label, argv after the binary (FILE replaced), parse stdout → projects]
export const NATIVE = [
  ["score --format json", ["score", "FILE", "--format", "json"], (out) => JSON.parse(out).projects.length],
  ["summarize", ["summarize", "FILE"], (out) => JSON.parse(out).projects],
];

/** One run of the CLI; with `check` its output is parsed into a project count. */
function once(bin, argv, parse, check) {
  const withTime = fs.existsSync(TIME);
  const cmd = withTime ? TIME : bin;
  const args = withTime ? ["-v", bin, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 30, stdio: ["ignore", check ? "pipe" : "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stderr = r.stderr.toString();
  if (r.status !== 0) throw new Error(`${bin} ${argv.join(" ")} exited with ${r.status}: ${stderr.slice(0, 300)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const secs = (what) => Number((new RegExp(`${what} time \\(seconds\\): ([0-9.]+)`).exec(stderr) ?? [])[1] ?? NaN);
  const cpuMs = (secs("User") + secs("System")) * 1000;
  return { ms, cpuMs, peakKb: kb ? Number(kb[1]) : null, projects: check ? parse(r.stdout.toString()) : null };
}

/** → [{label, file, ms: [..], peakKb, projects}]; `check` (smoke): only the counted run. */
export function nativeRuns(bin, dir, files, runs, check) {
  const out = new Map();
  const argvFor = (argv, file) => argv.map((x) => (x === "FILE" ? path.join(dir, file) : x));
  // Untimed first pass (also the warm-up): the output is read and counted.
  for (const [label, argv, parse] of NATIVE)
    for (const file of files)
      out.set(`${label}|${file}`, { label, file, ms: [], cpuMs: [], peakKb: 0, projects: once(bin, argvFor(argv, file), parse, true).projects });
  // Timed passes, output to /dev/null.
  for (let i = 0; i < (check ? 0 : runs); i++) {
    for (const [label, argv, parse] of NATIVE) {
      for (const file of files) {
        const r = once(bin, argvFor(argv, file), parse, false);
        const e = out.get(`${label}|${file}`);
        e.ms.push(r.ms);
        e.cpuMs.push(r.cpuMs);
        e.peakKb = Math.max(e.peakKb, r.peakKb ?? 0);
      }
    }
  }
  return [...out.values()];
}
