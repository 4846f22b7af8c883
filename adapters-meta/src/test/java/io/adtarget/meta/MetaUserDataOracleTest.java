package io.adtarget.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.facebook.ads.sdk.APIContext;
import com.facebook.ads.sdk.serverside.ActionSource;
import com.facebook.ads.sdk.serverside.Event;
import com.facebook.ads.sdk.serverside.EventRequest;
import com.facebook.ads.sdk.serverside.GenderEnum;
import com.facebook.ads.sdk.serverside.UserData;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.EventType;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.userdata.MatchData;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.userdata.DataProcessingOptions;
import io.adtarget.domain.userdata.HashedField;
import io.adtarget.domain.userdata.UserDataInput;
import io.adtarget.domain.userdata.UserDataNormaliser;
import io.adtarget.domain.userdata.UserDataResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our {@code user_data} against the one Meta's official Java SDK (facebook-java-business-sdk 24.0.1, its
 * {@code ServerSideApiUtil} normalisation and {@code Sha256StringAdaptor} hashing) builds from the same raw
 * values. Where we deliberately differ from the SDK, the test says so:
 * <ul>
 *   <li>phone: the SDK removes only {@code - ( )} and spaces, so it keeps {@code +} and leading zeros; Meta's
 *       rule (digits only, no leading zeros) is ours, so the SDK is given the digits;</li>
 *   <li>city: the SDK also removes digits; we remove spaces and punctuation only (the rule);</li>
 *   <li>zip: the SDK cuts at the first dash ({@code 00-950} → {@code 00}); we remove dashes and keep five
 *       digits only for a US ZIP+4.</li>
 * </ul>
 */
class MetaUserDataOracleTest {
    private static final TelegramUserId TELEGRAM = new TelegramUserId(TestConversions.TELEGRAM_USER);
    private static final Instant RECEIVED = Instant.parse("2025-11-27T19:04:13.123Z");

    @Test
    void every_hashed_field_agrees_with_the_sdk_for_the_same_raw_values() {
        Map<HashedField, String> raw = new EnumMap<>(HashedField.class);
        raw.put(HashedField.EMAIL, " John_Smith@Gmail.com ");
        raw.put(HashedField.PHONE, "+1 (650) 555-1212");
        raw.put(HashedField.FIRST_NAME, " Valéry ");
        raw.put(HashedField.LAST_NAME, "Smith");
        raw.put(HashedField.CITY, "Menlo Park");
        raw.put(HashedField.STATE, "CA");
        raw.put(HashedField.ZIP, "94025-1234");
        raw.put(HashedField.COUNTRY, "US");
        raw.put(HashedField.DATE_OF_BIRTH, "19970216");
        raw.put(HashedField.GENDER, "f");
        raw.put(HashedField.EXTERNAL_ID, "crm-42");
        UserDataInput input = new UserDataInput(raw, "2001:db8::1", "Mozilla/5.0 (X11; Linux x86_64)",
                "fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890", "fb.1.1596403881668.1116446470", null);

        UserData sdkUserData = new UserData()
                .emails(List.of(" John_Smith@Gmail.com "))
                .phones(List.of("16505551212")) // differs on purpose: the SDK would keep "+1"
                .firstNames(List.of(" Valéry "))
                .lastNames(List.of("Smith"))
                .cities(List.of("Menlo Park"))
                .states(List.of("CA"))
                .zipcodes(List.of("94025-1234"))
                .countryCodes(List.of("US"))
                .datesOfBirth(List.of("19970216"))
                .genders(List.of(GenderEnum.FEMALE))
                // The SDK passes external_id through unhashed: it gets the digests we send.
                .externalIds(List.of(TELEGRAM.hashedExternalId(), Sha256.hex("crm-42")))
                .clientIpAddress("2001:db8::1")
                .clientUserAgent("Mozilla/5.0 (X11; Linux x86_64)")
                .fbc("fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890")
                .fbp("fb.1.1596403881668.1116446470");

        JsonObject ours = ours(input);
        JsonObject sdk = sdk(sdkUserData);
        // The SDK de-duplicates external_id through a set, which loses the order; Meta reads it as a set too.
        assertThat(ours.getJsonArray("external_id").getList())
                .containsExactly(TELEGRAM.hashedExternalId(), Sha256.hex("crm-42"))
                .containsExactlyInAnyOrderElementsOf(sdk.getJsonArray("external_id").getList());
        ours.remove("external_id");
        sdk.remove("external_id");
        assertThat(ours).isEqualTo(sdk);
    }

    @Test
    void the_sdk_keeps_the_phone_plus_which_meta_and_we_do_not() {
        UserDataInput input = new UserDataInput(Map.of(HashedField.PHONE, "+1 (650) 555-1212"), null, null, null,
                null, null);
        JsonObject sdkWithPlus = sdk(new UserData().phones(List.of("+1 (650) 555-1212"))
                .externalIds(List.of(TELEGRAM.hashedExternalId())));

        assertThat(ours(input).getJsonArray("ph").getString(0))
                .isEqualTo("e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176")
                .isNotEqualTo(sdkWithPlus.getJsonArray("ph").getString(0));
        assertThat(sdkWithPlus.getJsonArray("ph").getString(0)).isEqualTo(Sha256.hex("+16505551212"));
    }

    @Test
    void limited_data_use_options_take_the_sdk_keys_and_values() {
        JsonObject ours = new JsonObject();
        MetaUserData.addProcessingOptions(ours, new DataProcessingOptions(true, 1, 1000));
        Event sdk = new Event().eventName("Lead").eventTime(1764270253L).actionSource(ActionSource.chat)
                .userData(new UserData().externalIds(List.of(TELEGRAM.hashedExternalId())))
                .dataProcessingOptions(new String[] {"LDU"}).dataProcessingOptionsCountry(1)
                .dataProcessingOptionsState(1000);
        JsonObject sdkEvent = event(sdk);

        for (String key : List.of("data_processing_options", "data_processing_options_country",
                "data_processing_options_state")) {
            assertThat(ours.getValue(key)).as(key).isEqualTo(sdkEvent.getValue(key));
        }
        JsonObject notLimited = new JsonObject();
        MetaUserData.addProcessingOptions(notLimited, DataProcessingOptions.NOT_LIMITED);
        assertThat(notLimited.encode()).isEqualTo("{\"data_processing_options\":[]}");
    }

    @Test
    void a_website_conversion_with_user_data_and_ldu_agrees_with_the_sdk_event_on_every_field() {
        UserDataInput input = new UserDataInput(Map.of(HashedField.EMAIL, "ann@example.com"), "168.212.226.204",
                "Mozilla/5.0 (X11)", null, "fb.1.1596403881668.1116446470", "IwAR2F4");
        io.adtarget.domain.userdata.UserData data =
                ((UserDataResult.Accepted) UserDataNormaliser.normalise(input, RECEIVED)).userData();
        MatchData match = new MatchData(data, io.adtarget.domain.userdata.ActionSource.WEBSITE,
                new DataProcessingOptions(true, 0, 0));
        ConversionEvent conversion = TestConversions.conversion(KeyMode.LIVE, new EventType("Lead"), null,
                new ConversionDetails(null, TestConversions.EVENT_TIME, "https://shop.example/promo", Map.of(), match));

        JsonObject ours = new JsonObject(MetaPayload.event(conversion).encode());
        JsonObject sdk = event(new Event().eventName("Lead").eventTime(TestConversions.EVENT_TIME.getEpochSecond())
                .eventId(TestConversions.CONVERSION_ID).actionSource(ActionSource.website)
                .eventSourceUrl("https://shop.example/promo")
                .userData(new UserData().emails(List.of("ann@example.com"))
                        .externalIds(List.of(TELEGRAM.hashedExternalId()))
                        .clientIpAddress("168.212.226.204").clientUserAgent("Mozilla/5.0 (X11)")
                        .fbc("fb.1.1764270253123.IwAR2F4").fbp("fb.1.1596403881668.1116446470"))
                .dataProcessingOptions(new String[] {"LDU"}).dataProcessingOptionsCountry(0)
                .dataProcessingOptionsState(0));

        assertThat(ours).isEqualTo(sdk);
    }

    private static JsonObject ours(UserDataInput input) {
        UserDataResult result = UserDataNormaliser.normalise(input, RECEIVED);
        assertThat(result).isInstanceOf(UserDataResult.Accepted.class);
        return new JsonObject(MetaUserData.of(TELEGRAM, ((UserDataResult.Accepted) result).userData()).encode());
    }

    private static JsonObject sdk(UserData userData) {
        return event(new Event().eventName("Lead").eventTime(1764270253L).actionSource(ActionSource.chat)
                .userData(userData)).getJsonObject("user_data");
    }

    private static JsonObject event(Event event) {
        EventRequest request = new EventRequest(TestConversions.PIXEL, new APIContext("not-a-real-token"))
                .addDataItem(event);
        return new JsonArray(request.getSerializedPayload()).getJsonObject(0);
    }
}
