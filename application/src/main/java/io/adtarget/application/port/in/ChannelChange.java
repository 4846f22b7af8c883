package io.adtarget.application.port.in;

import io.adtarget.domain.site.Site;

/** The outcome of attaching or detaching a channel. */
public sealed interface ChannelChange {
    record Done(Site site) implements ChannelChange {
    }

    /** The site id is unknown: 404. */
    record SiteNotFound() implements ChannelChange {
    }

    /** Attach: the account already has the channel on some site: 409 conflict. */
    record ChannelTaken() implements ChannelChange {
    }

    /** Detach: the channel is not attached to that site: 404. */
    record ChannelNotAttached() implements ChannelChange {
    }
}
