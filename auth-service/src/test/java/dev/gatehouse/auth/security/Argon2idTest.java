package dev.gatehouse.auth.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idTest {

    private static final byte[] NONE = new byte[0];

    @Test
    void rfc9106TestVector() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associatedData = filled(12, 0x04);
        long[] memory = new long[Argon2id.blocks(32, 4) * Argon2id.BLOCK_WORDS];

        byte[] tag = Argon2id.hash(password, salt, secret, associatedData, 32, 3, 4, 32, memory);

        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
                HexFormat.of().formatHex(tag));
    }

    @Test
    void matchesBouncyCastleAcrossParametersWithOneReusedArray() {
        Random random = new Random(20261130);
        long[] memory = new long[Argon2id.blocks(2048, 1) * Argon2id.BLOCK_WORDS];
        for (int run = 0; run < 40; run++) {
            int lanes = 1 + random.nextInt(4);
            int memoryKib = 8 * lanes + random.nextInt(2048 - 8 * lanes);
            int passes = 1 + random.nextInt(3);
            int tagLength = 4 + random.nextInt(140);
            byte[] password = bytes(random, random.nextInt(40));
            byte[] salt = bytes(random, 8 + random.nextInt(24));
            byte[] secret = run % 5 == 0 ? bytes(random, 16) : NONE;
            byte[] associatedData = run % 7 == 0 ? bytes(random, 10) : NONE;
            String parameters = "m=" + memoryKib + " t=" + passes + " p=" + lanes + " T=" + tagLength;

            byte[] ours = Argon2id.hash(password, salt, secret, associatedData, memoryKib, passes, lanes, tagLength,
                    memory);

            assertArrayEquals(bouncyCastle(password, salt, secret, associatedData, memoryKib, passes, lanes,
                    tagLength), ours, parameters);
        }
    }

    @Test
    void atOwaspParametersToo() {
        byte[] salt = filled(16, 0x5a);
        byte[] password = "correct horse battery staple".getBytes();
        long[] memory = new long[Argon2id.blocks(19456, 1) * Argon2id.BLOCK_WORDS];

        assertArrayEquals(bouncyCastle(password, salt, NONE, NONE, 19456, 2, 1, 32),
                Argon2id.hash(password, salt, NONE, NONE, 19456, 2, 1, 32, memory));
    }

    @Test
    void staleWordsInTheReusedMemoryDoNotChangeTheTag() {
        byte[] salt = filled(16, 1);
        long[] memory = new long[Argon2id.blocks(64, 1) * Argon2id.BLOCK_WORDS + 3];
        Arrays.fill(memory, -1L);

        byte[] tag = Argon2id.hash("secret".getBytes(), salt, NONE, NONE, 64, 2, 1, 32, memory);

        assertArrayEquals(bouncyCastle("secret".getBytes(), salt, NONE, NONE, 64, 2, 1, 32), tag);
        assertEquals(-1L, memory[memory.length - 1], "words beyond the hash's blocks are not the hash's");
    }

    @Test
    void tooLittleMemoryIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Argon2id.hash(NONE, filled(16, 1), NONE, NONE, 64, 1, 1, 32, new long[63 * 128]));
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
            int memoryKib, int passes, int lanes, int tagLength) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(passes)
                .withParallelism(lanes).withSalt(salt).withSecret(secret).withAdditional(associatedData).build());
        byte[] tag = new byte[tagLength];
        generator.generateBytes(password, tag);
        return tag;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
