/** Every byte of a sample vault flipped in turn: shard 1 of 4 (shards run in parallel). */
import { defineFlipShard } from '../test-support/byte-flip';

defineFlipShard(0, 4);
