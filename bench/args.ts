/**
 * Command-line and environment options shared by bench/run.ts and bench/generate.ts.
 *
 * `--participants 1000 --transactions 1000000 --seed 20260101` (or BENCH_PARTICIPANTS, BENCH_TRANSACTIONS,
 * BENCH_SEED); `--quick` is `--transactions 100000`.
 */
export interface BenchOptions {
  participants: number;
  transactions: number;
  seed: number;
  /** Transactions given to the naive design (json-rules-engine): a sample, scaled; `0` means all. */
  naiveSample: number;
  /** Measured runs per method (the best is reported). */
  runs: number;
  /** Profile one extra compplan run in-process and print the top self-time functions. */
  profile: boolean;
  /** Transactions in the profiled run (`0` means all); default 200,000. */
  profileSize: number;
  /** Measure src/ as tsx runs it instead of the esbuild bundle (see bench/engine.ts). */
  source: boolean;
  /** bench/generate.ts only: the directory to write CSV files to. */
  out?: string;
}

const DEFAULTS: BenchOptions = {
  participants: 1000,
  transactions: 1_000_000,
  seed: 20260101,
  naiveSample: 100_000,
  runs: 1,
  profile: true,
  profileSize: 200_000,
  source: false,
};

export function readOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS };
  const env = process.env;
  if (env.BENCH_PARTICIPANTS) options.participants = count(env.BENCH_PARTICIPANTS, "BENCH_PARTICIPANTS");
  if (env.BENCH_TRANSACTIONS) options.transactions = count(env.BENCH_TRANSACTIONS, "BENCH_TRANSACTIONS");
  if (env.BENCH_SEED) options.seed = count(env.BENCH_SEED, "BENCH_SEED");
  if (env.BENCH_NAIVE_SAMPLE) options.naiveSample = count(env.BENCH_NAIVE_SAMPLE, "BENCH_NAIVE_SAMPLE");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes("=") ? (arg.split("=", 2) as [string, string]) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--participants":
        options.participants = count(value(), flag);
        break;
      case "--transactions":
        options.transactions = count(value(), flag);
        break;
      case "--seed":
        options.seed = count(value(), flag);
        break;
      case "--naive-sample": {
        const v = value();
        options.naiveSample = v === "all" ? 0 : count(v, flag);
        break;
      }
      case "--runs":
        options.runs = Math.max(1, count(value(), flag));
        break;
      case "--quick":
        options.transactions = 100_000;
        break;
      case "--profile-size": {
        const v = value();
        options.profileSize = v === "all" ? 0 : count(v, flag);
        break;
      }
      case "--no-profile":
        options.profile = false;
        break;
      case "--source":
        options.source = true;
        break;
      case "--out":
        options.out = value();
        break;
      case "--help":
      case "-h":
        console.log(
          "usage: npm run bench -- [--participants 1000] [--transactions 1000000] [--quick] [--seed N]\n" +
            "                        [--naive-sample 100000|all] [--runs 1] [--no-profile] [--profile-size 200000|all] [--source]\n" +
            "bench/generate.ts also takes --out DIR (default .bench-data)\n" +
            "env: BENCH_PARTICIPANTS, BENCH_TRANSACTIONS, BENCH_SEED, BENCH_NAIVE_SAMPLE",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  if (options.participants < 2) throw new Error("--participants must be at least 2 (splits need two)");
  return options;
}

function count(text: string, name: string): number {
  const n = Number(text.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name}: expected a whole number, got ${text}`);
  return n;
}
