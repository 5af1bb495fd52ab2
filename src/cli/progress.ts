import cliProgress from "cli-progress";

/** What the ingest progress bar shows besides files done of files found. */
export interface ProgressState {
  documents: number;
  errors: number;
  /** Seconds since the start. */
  seconds: number;
}

/** Documents per second, as shown: whole numbers, 0 before the first second has any. */
export function rate({ documents, seconds }: ProgressState): number {
  return seconds > 0 ? Math.round(documents / seconds) : 0;
}

/**
 * The `dossier ingest` progress bar on standard error: files done of files found, documents,
 * documents/s, errors so far and the time left. Drawn only on a terminal (cli-progress stays
 * silent otherwise), so logs and pipes get the summary line alone.
 */
export class IngestProgress {
  private readonly bar: cliProgress.SingleBar;
  private active = false;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          " {bar} {value}/{total} files | {documents} documents | {rate}/s | {errors} errors | {eta_formatted} left",
        hideCursor: true,
        barsize: 24,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(files: number): void {
    this.bar.start(files, 0, { documents: 0, rate: 0, errors: 0 });
    this.active = true;
  }

  update(files: number, state: ProgressState): void {
    if (!this.active) return;
    this.bar.update(files, { documents: state.documents, rate: rate(state), errors: state.errors });
  }

  stop(): void {
    if (this.active) this.bar.stop();
    this.active = false;
  }
}
