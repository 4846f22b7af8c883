package io.adtarget.domain.shared;

/** The rule for the human names of accounts, API keys and sites. */
public final class Names {
    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** 1–200 characters, not blank, no control characters (NUL, tabs, line breaks …). */
    public static String requireValid(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("name must be 1-200 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("name must not contain control characters");
            }
        }
        return name;
    }
}
