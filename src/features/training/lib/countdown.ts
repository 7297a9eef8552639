// The exam timer follows the server clock: the attempt carries deadline_at and the server's now at
// the moment it answered; the device clock only measures time elapsed since then, so a wrong
// device clock neither shortens nor lengthens the exam.

export interface ServerClock {
  deadlineAt: string;
  serverNow: string;
  /** device time (ms) when the answer carrying serverNow arrived */
  receivedAt: number;
}

/** Milliseconds left, never below zero. */
export function remainingMs(clock: ServerClock, deviceNow: number): number {
  const atAnswer = new Date(clock.deadlineAt).getTime() - new Date(clock.serverNow).getTime();
  return Math.max(0, atAnswer - Math.max(0, deviceNow - clock.receivedAt));
}

/** 剩余时间 as H:MM:SS or MM:SS. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
