package io.adtarget.http.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.adtarget.application.port.in.CaptureVisitCommand;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.userdata.ClientIpAddress;
import io.adtarget.domain.userdata.ClientUserAgent;
import io.adtarget.domain.userdata.FacebookBrowserId;
import io.adtarget.domain.userdata.FacebookClickId;
import io.adtarget.http.conversion.ConversionRequestParser;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.HttpUrls;
import io.adtarget.http.support.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/v1/visits} (attribution.md): channelId, fbclid/fbc/fbp as the conversion API's
 * user data reads them ({@code fbc} wins over {@code fbclid}), landingUrl/referrer, utm. Every violation is named;
 * the client IP and user agent are the request's own (a user agent Meta would refuse is dropped, not an error).
 */
final class VisitRequestParser {
    static final Set<String> UTM_KEYS = Set.of("source", "medium", "campaign", "content", "term");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private VisitRequestParser() {
    }

    static CaptureVisitCommand parse(byte[] body, PublishableKey key, String clientIp, String userAgent,
            Instant receivedAt) {
        FieldReader in = new FieldReader(Json.parseObject(body));
        ChannelId channelId = in.convert("channelId", ConversionRequestParser.channelText(in, "channelId", true),
                ChannelId::new);
        FacebookClickId fbc = clickId(in, receivedAt);
        FacebookBrowserId fbp = fbp(in, "fbp");
        String landingUrl = in.convert("landingUrl", in.text("landingUrl", false), HttpUrls::requireAbsoluteHttp);
        String referrer = in.convert("referrer", in.text("referrer", false), HttpUrls::requireAbsoluteHttp);
        Map<String, String> utm = utm(in);
        in.throwIfInvalid();
        ClientUserAgent ua = userAgent == null || ClientUserAgent.problem(userAgent) != null
                ? null : new ClientUserAgent(userAgent);
        return new CaptureVisitCommand(key, channelId, fbc, fbp, clientIp == null ? null : new ClientIpAddress(clientIp),
                ua, landingUrl, referrer, utm);
    }

    static FacebookBrowserId fbp(FieldReader in, String field) {
        String text = in.text(field, false);
        if (text == null) {
            return null;
        }
        return FacebookBrowserId.isValid(text.strip()) ? new FacebookBrowserId(text.strip())
                : in.fail(field, "must look like fb.1.<creation ms>.<random>");
    }

    private static FacebookClickId clickId(FieldReader in, Instant receivedAt) {
        String fbc = in.text("fbc", false);
        String fbclid = in.text("fbclid", false);
        if (fbc != null) {
            return FacebookClickId.isValid(fbc.strip()) ? new FacebookClickId(fbc.strip())
                    : in.fail("fbc", "must look like fb.1.<creation ms>.<fbclid>");
        }
        if (fbclid != null) {
            return FacebookClickId.isValidFbclid(fbclid.strip())
                    ? FacebookClickId.fromFbclid(fbclid.strip(), receivedAt)
                    : in.fail("fbclid", "must be 1 to 500 visible ASCII characters");
        }
        return null;
    }

    private static Map<String, String> utm(FieldReader in) {
        JsonNode raw = in.raw("utm");
        Map<String, String> utm = new LinkedHashMap<>();
        if (raw == null || raw.isNull()) {
            return utm;
        }
        if (!raw.isObject()) {
            in.fail("utm", "must be an object of source, medium, campaign, content, term");
            return utm;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "utm." + e.getKey();
            if (!UTM_KEYS.contains(e.getKey())) {
                in.fail("utm", "may hold only source, medium, campaign, content, term");
            } else if (!e.getValue().isTextual() || e.getValue().textValue().length() > 200
                    || CONTROL.matcher(e.getValue().textValue()).find()) {
                in.fail(field, "must be a string of at most 200 characters without control characters");
            } else {
                utm.put(e.getKey(), e.getValue().textValue());
            }
        }
        return utm;
    }
}
