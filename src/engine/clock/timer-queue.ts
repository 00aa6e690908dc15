import type { ScheduledTask, TimerHandle } from '../ports/clock.js';

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly task: ScheduledTask;
  cancelled: boolean;
}

/** A binary min-heap of timers ordered by (due time, scheduling order); cancelled entries are skipped lazily. */
export function createTimerQueue() {
  const heap: Entry[] = [];
  let seq = 0;

  const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const swap = (i: number, j: number) => {
    const tmp = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = tmp;
  };
  const siftUp = (start: number) => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  const removeTop = () => {
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      siftDown(0);
    }
  };
  const dropCancelled = () => {
    while (heap.length > 0 && heap[0]!.cancelled) removeTop();
  };

  return {
    push(at: number, task: ScheduledTask): TimerHandle {
      const entry: Entry = { at, seq: seq++, task, cancelled: false };
      heap.push(entry);
      siftUp(heap.length - 1);
      return {
        cancel: () => {
          entry.cancelled = true;
        },
      };
    },
    peek(): { at: number; task: ScheduledTask } | undefined {
      dropCancelled();
      return heap[0];
    },
    pop(): void {
      dropCancelled();
      if (heap.length > 0) removeTop();
    },
  };
}
