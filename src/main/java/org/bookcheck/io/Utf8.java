package org.bookcheck.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a file stops being UTF-8, said the way an author finds it: the line and the byte. */
public final class Utf8 {

    private Utf8() {
    }

    /** "line 12 has the byte 0xE9, which is not UTF-8", or why it could not be found. */
    public static String firstBadByte(Path file) {
        try {
            return firstBadByte(Files.readAllBytes(file));
        } catch (IOException e) {
            return "it cannot be read again: " + e.getMessage();
        }
    }

    static String firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        if (!result.isError()) {
            return "a byte sequence that is not UTF-8";
        }
        int at = in.position();
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return String.format("line %d has the byte 0x%02X, which is not UTF-8", line, bytes[at] & 0xff);
    }
}
