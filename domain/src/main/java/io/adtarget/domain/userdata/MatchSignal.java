package io.adtarget.domain.userdata;

/** The signals whose share of conversions customers watch as their match quality (bounded: a metric label). */
public enum MatchSignal {
    FBC("fbc"),
    FBP("fbp"),
    IP_AND_USER_AGENT("ip_ua"),
    EMAIL_OR_PHONE("em_ph");

    private final String label;

    MatchSignal(String label) {
        this.label = label;
    }

    /** The metric label and response key of this signal. */
    public String label() {
        return label;
    }

    public boolean presentIn(UserData data) {
        return switch (this) {
            case FBC -> data.fbc() != null;
            case FBP -> data.fbp() != null;
            case IP_AND_USER_AGENT -> data.clientIpAddress() != null && data.clientUserAgent() != null;
            case EMAIL_OR_PHONE -> data.hash(HashedField.EMAIL) != null || data.hash(HashedField.PHONE) != null;
        };
    }
}
