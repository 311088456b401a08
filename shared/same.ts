/**
 * Compile-time proof that two declarations of one shape agree. Where a type is written by
 * hand beside a schema it must match (a domain interface beside the zod shape that checks it
 * on the wire), `sameType<A, B>(true)` stops compiling the moment one side changes without
 * the other — in either direction.
 */

/** `true` when A and B are each assignable to the other, else `false`. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only when `Same<A, B>` is `true`. No runtime effect. */
export function sameType<A, B>(proof: Same<A, B>): void {
  void proof;
}
