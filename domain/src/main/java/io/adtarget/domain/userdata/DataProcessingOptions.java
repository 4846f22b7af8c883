package io.adtarget.domain.userdata;

import java.util.ArrayList;
import java.util.List;

/**
 * Meta's Limited Data Use flags: either {@code ["LDU"]} with a country and state code (0 = let Meta
 * geolocate; country 1 = United States, states 1000–1999 as Meta numbers them, 1000 = California), or an
 * explicit empty list that tells Meta not to apply LDU. A conversion without options sends none.
 */
public record DataProcessingOptions(boolean limitedDataUse, int country, int state) {
    public static final DataProcessingOptions NOT_LIMITED = new DataProcessingOptions(false, 0, 0);
    public static final String LDU = "LDU";

    public DataProcessingOptions {
        if (!limitedDataUse && (country != 0 || state != 0)) {
            throw new IllegalArgumentException("country and state go with LDU only");
        }
        if (!validCountry(country) || !validState(state)) {
            throw new IllegalArgumentException("unknown LDU country or state code");
        }
    }

    /** The options Meta receives: {@code ["LDU"]} or {@code []}. */
    public List<String> options() {
        return limitedDataUse ? List.of(LDU) : List.of();
    }

    /**
     * Validates the request's three fields (options null = absent; country/state null = not given)
     * and returns either the options or the refused fields.
     */
    public static Parsed parse(List<String> options, Integer country, Integer state) {
        List<InvalidField> errors = new ArrayList<>();
        if (options == null) {
            if (country != null) {
                errors.add(new InvalidField("dataProcessingOptionsCountry", "needs dataProcessingOptions [\"LDU\"]"));
            }
            if (state != null) {
                errors.add(new InvalidField("dataProcessingOptionsState", "needs dataProcessingOptions [\"LDU\"]"));
            }
            return new Parsed(null, errors);
        }
        boolean ldu = options.equals(List.of(LDU));
        if (!ldu && !options.isEmpty()) {
            errors.add(new InvalidField("dataProcessingOptions", "must be [\"LDU\"] or []"));
        }
        if (country != null && (!ldu || !validCountry(country))) {
            errors.add(new InvalidField("dataProcessingOptionsCountry",
                    ldu ? "must be 0 (geolocate) or 1 (United States)" : "needs dataProcessingOptions [\"LDU\"]"));
        }
        if (state != null && (!ldu || !validState(state))) {
            errors.add(new InvalidField("dataProcessingOptionsState",
                    ldu ? "must be 0 (geolocate) or a state code 1000-1999" : "needs dataProcessingOptions [\"LDU\"]"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(ldu ? new DataProcessingOptions(true, orZero(country), orZero(state)) : NOT_LIMITED,
                List.of());
    }

    private static boolean validCountry(int country) {
        return country == 0 || country == 1;
    }

    private static boolean validState(int state) {
        return state == 0 || (state >= 1000 && state <= 1999);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Options (null when absent or refused) and the refused fields. */
    public record Parsed(DataProcessingOptions options, List<InvalidField> errors) {
        public Parsed {
            errors = List.copyOf(errors);
        }
    }
}
