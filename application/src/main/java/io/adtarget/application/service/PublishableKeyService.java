package io.adtarget.application.service;

import io.adtarget.application.port.in.AuthenticatePublishableKeyUseCase;
import io.adtarget.application.port.in.IssuedPublishableKey;
import io.adtarget.application.port.in.ManagePublishableKeysUseCase;
import io.adtarget.application.port.out.PublishableKeyRepository;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.attribution.PublishableKey;
import io.adtarget.domain.shared.Base62;
import io.adtarget.domain.shared.Ids;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Issues, authenticates and revokes publishable keys; only the secret's SHA-256 is stored. */
public final class PublishableKeyService implements ManagePublishableKeysUseCase, AuthenticatePublishableKeyUseCase {
    private final PublishableKeyRepository keys;
    private final SiteRepository sites;
    private final Clock clock;
    private final RandomGenerator random;

    public PublishableKeyService(PublishableKeyRepository keys, SiteRepository sites, Clock clock,
            RandomGenerator random) {
        this.keys = keys;
        this.sites = sites;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Future<Optional<IssuedPublishableKey>> create(SiteId siteId, List<String> allowedOrigins) {
        List<String> origins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).distinct().toList();
        return sites.findById(siteId).compose(site -> {
            if (site.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            String secret = PublishableKey.SECRET_PREFIX + Base62.random(40, random);
            Instant now = Now.of(clock);
            PublishableKey key = new PublishableKey(Ids.randomUuid(random), site.get().accountId(), siteId,
                    secret.substring(0, 12), Sha256.hex(secret), origins, now, null);
            return keys.insert(key).map(stored -> Optional.of(new IssuedPublishableKey(stored, secret)));
        });
    }

    @Override
    public Future<Boolean> revoke(UUID id) {
        return keys.revoke(id, Now.of(clock));
    }

    @Override
    public Future<Boolean> anyKeyAllows(String origin) {
        return PublishableKey.isOrigin(origin)
                ? keys.anyActiveAllows(origin.toLowerCase(Locale.ROOT))
                : Future.succeededFuture(false);
    }

    @Override
    public Future<Optional<PublishableKey>> authenticate(String presentedSecret) {
        if (!PublishableKey.looksLikeSecret(presentedSecret)) {
            return Future.succeededFuture(Optional.empty());
        }
        return keys.findByHash(Sha256.hex(presentedSecret)).map(found -> found.filter(PublishableKey::active));
    }
}
