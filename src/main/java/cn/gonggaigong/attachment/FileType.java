package cn.gonggaigong.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of material accepted, recognised by their first bytes (magic numbers), not by the name alone. */
public enum FileType {
    PDF("application/pdf", List.of("pdf"), new int[]{0x25, 0x50, 0x44, 0x46, 0x2D}),
    PNG("image/png", List.of("png"), new int[]{0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new int[]{0xFF, 0xD8, 0xFF});

    private final String contentType;
    private final List<String> extensions;
    private final int[] magic;

    FileType(String contentType, List<String> extensions, int[] magic) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The type whose signature the content starts with. */
    public static Optional<FileType> of(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.matches(content)).findFirst();
    }

    private boolean matches(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
