/** A count and its noun: "1 token", "3 tokens", "2 custom platforms". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
