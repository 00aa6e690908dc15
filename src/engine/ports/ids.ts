/** Where new ids come from (DESIGN §3: ids come in as arguments, so a simulation with a seed is reproducible). */
export interface IdSource {
  /** A new unique id such as `call_01jd5k…`; ids from one source sort by creation time. */
  next(prefix: string): string;
}
