package dev.gatehouse.auth.security;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id (version 0x13, RFC 9106) computing into memory the caller provides, so that a thread hashing password
 * after password reuses one array instead of allocating 19 MiB in 19,456 small blocks per hash. That allocation, not
 * the hashing, is what limited login: two threads hashing with Bouncy Castle's generator in a 192 MiB heap spent a
 * sixth of their time collecting and hashed at about half the rate they did in a large heap.
 * <p>
 * BLAKE2b comes from Bouncy Castle; the blocks, the compression function and the indexing are here. The results are
 * checked against Bouncy Castle's own Argon2 and RFC 9106's test vector.
 * <p>
 * Public for the benchmark, which times this very code for its login bound: on some CPUs Bouncy Castle's Argon2 takes
 * half as long again per hash.
 */
public final class Argon2id {

    static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final int SYNC_POINTS = 4;
    /** 1 KiB blocks of 128 little-endian 64-bit words. */
    public static final int BLOCK_WORDS = 128;
    private static final int BLOCK_BYTES = 1024;

    private Argon2id() {
    }

    /** How many blocks the memory of a hash with these parameters has: {@code m} rounded down to 4 per lane. */
    public static int blocks(int memoryKib, int lanes) {
        int perSegment = Math.max(memoryKib, 2 * SYNC_POINTS * lanes) / (SYNC_POINTS * lanes);
        return perSegment * SYNC_POINTS * lanes;
    }

    /**
     * The tag of {@code password}. {@code memory} must hold at least {@link #blocks} × 128 words; they are overwritten.
     * With two passes or more they are left as the last pass leaves them: every block then depends on a whole earlier
     * pass, so they let nobody check a guess for less than a hash, and clearing them would cost a tenth of the hash.
     * After a single pass the first blocks follow from the password at the cost of a few BLAKE2b calls, so then they
     * are cleared.
     */
    public static byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKib,
            int passes, int lanes, int tagLength, long[] memory) {
        int blockCount = blocks(memoryKib, lanes);
        if (memory.length < blockCount * BLOCK_WORDS) {
            throw new IllegalArgumentException("memory for " + blockCount + " blocks needed");
        }
        int laneLength = blockCount / lanes;
        int segmentLength = laneLength / SYNC_POINTS;
        Scratch scratch = new Scratch();
        byte[] h0 = initialHash(password, salt, secret, associatedData, memoryKib, passes, lanes, tagLength);
        byte[] seed = Arrays.copyOf(h0, 72);
        byte[] block = new byte[BLOCK_BYTES];
        for (int lane = 0; lane < lanes; lane++) {
            for (int column = 0; column < 2; column++) {
                putInt(seed, 64, column);
                putInt(seed, 68, lane);
                variableHash(seed, block);
                int offset = (lane * laneLength + column) * BLOCK_WORDS;
                for (int word = 0; word < BLOCK_WORDS; word++) {
                    memory[offset + word] = getLong(block, word * 8);
                }
            }
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int slice = 0; slice < SYNC_POINTS; slice++) {
                for (int lane = 0; lane < lanes; lane++) {
                    fillSegment(memory, scratch, pass, slice, lane, lanes, laneLength, segmentLength, blockCount,
                            passes);
                }
            }
        }
        long[] last = new long[BLOCK_WORDS];
        for (int lane = 0; lane < lanes; lane++) {
            int offset = (lane * laneLength + laneLength - 1) * BLOCK_WORDS;
            for (int word = 0; word < BLOCK_WORDS; word++) {
                last[word] ^= memory[offset + word];
            }
        }
        for (int word = 0; word < BLOCK_WORDS; word++) {
            putLong(block, word * 8, last[word]);
        }
        byte[] tag = new byte[tagLength];
        variableHash(block, tag);
        if (passes == 1) {
            Arrays.fill(memory, 0, blockCount * BLOCK_WORDS, 0L);
        }
        return tag;
    }

    private static byte[] initialHash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
            int memoryKib, int passes, int lanes, int tagLength) {
        Blake2bDigest digest = new Blake2bDigest(512);
        updateInt(digest, lanes);
        updateInt(digest, tagLength);
        updateInt(digest, memoryKib);
        updateInt(digest, passes);
        updateInt(digest, VERSION);
        updateInt(digest, TYPE_ID);
        for (byte[] input : new byte[][] { password, salt, secret, associatedData }) {
            updateInt(digest, input.length);
            digest.update(input, 0, input.length);
        }
        byte[] h0 = new byte[64];
        digest.doFinal(h0, 0);
        return h0;
    }

    /** H' of RFC 9106: BLAKE2b stretched to {@code out.length} bytes. */
    private static void variableHash(byte[] input, byte[] out) {
        int length = out.length;
        if (length <= 64) {
            Blake2bDigest digest = new Blake2bDigest(length * 8);
            updateInt(digest, length);
            digest.update(input, 0, input.length);
            digest.doFinal(out, 0);
            return;
        }
        Blake2bDigest digest = new Blake2bDigest(512);
        byte[] v = new byte[64];
        updateInt(digest, length);
        digest.update(input, 0, input.length);
        digest.doFinal(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        int written = 32;
        while (length - written > 64) {
            digest.update(v, 0, 64);
            digest.doFinal(v, 0);
            System.arraycopy(v, 0, out, written, 32);
            written += 32;
        }
        Blake2bDigest lastDigest = new Blake2bDigest((length - written) * 8);
        lastDigest.update(v, 0, 64);
        lastDigest.doFinal(out, written);
    }

    private static void fillSegment(long[] memory, Scratch scratch, int pass, int slice, int lane, int lanes,
            int laneLength, int segmentLength, int blockCount, int passes) {
        boolean dataIndependent = pass == 0 && slice < SYNC_POINTS / 2;
        long[] address = scratch.address;
        long[] input = scratch.input;
        if (dataIndependent) {
            Arrays.fill(input, 0L);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = blockCount;
            input[4] = passes;
            input[5] = TYPE_ID;
        }
        int start = 0;
        if (pass == 0 && slice == 0) {
            start = 2;
            if (dataIndependent) {
                nextAddresses(scratch);
            }
        }
        int current = lane * laneLength + slice * segmentLength + start;
        int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
        for (int index = start; index < segmentLength; index++, current++, previous++) {
            if (current % laneLength == 1) {
                previous = current - 1;
            }
            long pseudoRandom;
            if (dataIndependent) {
                if (index % BLOCK_WORDS == 0) {
                    nextAddresses(scratch);
                }
                pseudoRandom = address[index % BLOCK_WORDS];
            } else {
                pseudoRandom = memory[previous * BLOCK_WORDS];
            }
            int referenceLane = (int) ((pseudoRandom >>> 32) % lanes);
            if (pass == 0 && slice == 0) {
                referenceLane = lane;
            }
            int referenceIndex = referenceIndex(pass, slice, index, pseudoRandom & 0xFFFFFFFFL,
                    referenceLane == lane, laneLength, segmentLength);
            int reference = laneLength * referenceLane + referenceIndex;
            compress(memory, previous * BLOCK_WORDS, memory, reference * BLOCK_WORDS, memory, current * BLOCK_WORDS,
                    pass > 0, scratch);
        }
    }

    /** The column of the reference block within its lane (RFC 9106, section 3.4.1.2). */
    private static int referenceIndex(int pass, int slice, int index, long pseudoRandom, boolean sameLane,
            int laneLength, int segmentLength) {
        long areaSize;
        if (pass == 0) {
            if (slice == 0) {
                areaSize = index - 1;
            } else if (sameLane) {
                areaSize = (long) slice * segmentLength + index - 1;
            } else {
                areaSize = (long) slice * segmentLength + (index == 0 ? -1 : 0);
            }
        } else if (sameLane) {
            areaSize = laneLength - segmentLength + index - 1;
        } else {
            areaSize = laneLength - segmentLength + (index == 0 ? -1 : 0);
        }
        long x = (pseudoRandom * pseudoRandom) >>> 32;
        long relative = areaSize - 1 - ((areaSize * x) >>> 32);
        long startPosition = pass != 0 && slice != SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
        return (int) ((startPosition + relative) % laneLength);
    }

    /** The next block of addresses for data-independent indexing: G(0, G(0, input)) with the counter raised. */
    private static void nextAddresses(Scratch scratch) {
        scratch.input[6]++;
        compress(scratch.zero, 0, scratch.input, 0, scratch.address, 0, false, scratch);
        compress(scratch.zero, 0, scratch.address, 0, scratch.address, 0, false, scratch);
    }

    /**
     * The compression function G: out = P(x ⊕ y) ⊕ (x ⊕ y), also ⊕ the old out when {@code xorOut} (every pass after
     * the first, in version 0x13).
     */
    private static void compress(long[] x, int xOffset, long[] y, int yOffset, long[] out, int outOffset,
            boolean xorOut, Scratch scratch) {
        long[] r = scratch.r;
        long[] z = scratch.z;
        for (int i = 0; i < BLOCK_WORDS; i++) {
            long value = x[xOffset + i] ^ y[yOffset + i];
            r[i] = value;
            z[i] = xorOut ? value ^ out[outOffset + i] : value;
        }
        for (int row = 0; row < 8; row++) {
            int b = 16 * row;
            round(r, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12, b + 13,
                    b + 14, b + 15);
        }
        for (int column = 0; column < 8; column++) {
            int b = 2 * column;
            round(r, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81, b + 96,
                    b + 97, b + 112, b + 113);
        }
        for (int i = 0; i < BLOCK_WORDS; i++) {
            out[outOffset + i] = z[i] ^ r[i];
        }
    }

    /** BLAKE2b's round without message words, with the multiplications of BlaMka. */
    private static void round(long[] v, int v0, int v1, int v2, int v3, int v4, int v5, int v6, int v7, int v8,
            int v9, int v10, int v11, int v12, int v13, int v14, int v15) {
        mix(v, v0, v4, v8, v12);
        mix(v, v1, v5, v9, v13);
        mix(v, v2, v6, v10, v14);
        mix(v, v3, v7, v11, v15);
        mix(v, v0, v5, v10, v15);
        mix(v, v1, v6, v11, v12);
        mix(v, v2, v7, v8, v13);
        mix(v, v3, v4, v9, v14);
    }

    private static void mix(long[] v, int ia, int ib, int ic, int id) {
        long a = v[ia];
        long b = v[ib];
        long c = v[ic];
        long d = v[id];
        a = blaMka(a, b);
        d = Long.rotateRight(d ^ a, 32);
        c = blaMka(c, d);
        b = Long.rotateRight(b ^ c, 24);
        a = blaMka(a, b);
        d = Long.rotateRight(d ^ a, 16);
        c = blaMka(c, d);
        b = Long.rotateRight(b ^ c, 63);
        v[ia] = a;
        v[ib] = b;
        v[ic] = c;
        v[id] = d;
    }

    private static long blaMka(long x, long y) {
        return x + y + 2 * (x & 0xFFFFFFFFL) * (y & 0xFFFFFFFFL);
    }

    private static void updateInt(Blake2bDigest digest, int value) {
        byte[] bytes = new byte[4];
        putInt(bytes, 0, value);
        digest.update(bytes, 0, 4);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }

    private static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private static long getLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFFL);
        }
        return value;
    }

    /** Per-hash working blocks: the compression function's two, and the address generator's three. */
    private static final class Scratch {
        final long[] r = new long[BLOCK_WORDS];
        final long[] z = new long[BLOCK_WORDS];
        final long[] zero = new long[BLOCK_WORDS];
        final long[] input = new long[BLOCK_WORDS];
        final long[] address = new long[BLOCK_WORDS];
    }
}
