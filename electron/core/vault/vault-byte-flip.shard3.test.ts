/** Every byte of a sample vault flipped in turn: shard 4 of 4 (shards run in parallel). */
import { defineFlipShard } from '../test-support/byte-flip';

defineFlipShard(3, 4);
