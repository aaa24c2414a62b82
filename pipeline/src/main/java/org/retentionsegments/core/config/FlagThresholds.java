package org.retentionsegments.core.config;

/**
 * Thresholds of the behaviour flags.
 *
 * @param highReturnShare high return rate: window returns >= this share of window gross (and > 0)
 * @param singleChannelMinOrders single channel: at least this many orders with a known channel
 * @param singleChannelShare ... and the top channel has at least this share of them
 * @param discountMinOrders discount dependent: at least this many orders ever
 * @param discountShare ... and at least this share of them carried a discount
 * @param emailMaxEvents90 email unengaged: at most this many email opens + clicks in 90 days ...
 * @param emailMinTenureDays ... for a customer known (first order or engagement) this many days
 * @param emailUnsubscribed whether an unsubscribe alone makes a customer email-unengaged
 */
public record FlagThresholds(
        double highReturnShare,
        int singleChannelMinOrders,
        double singleChannelShare,
        int discountMinOrders,
        double discountShare,
        int emailMaxEvents90,
        int emailMinTenureDays,
        boolean emailUnsubscribed) {

    static FlagThresholds parse(YamlNode node) {
        node.allowOnly("high_return_rate", "single_channel", "discount_dependent",
                "email_unengaged");
        YamlNode returns = node.child("high_return_rate").allowOnly("min_share");
        YamlNode channel = node.child("single_channel").allowOnly("min_orders", "min_share");
        YamlNode discount = node.child("discount_dependent").allowOnly("min_orders", "min_share");
        YamlNode email = node.child("email_unengaged")
                .allowOnly("max_email_events_90d", "min_tenure_days", "include_unsubscribed");
        return new FlagThresholds(
                returns.number("min_share", 0.3, 0.0001, 1),
                channel.integer("min_orders", 3, 1, 1_000_000),
                channel.number("min_share", 0.9, 0.0001, 1),
                discount.integer("min_orders", 3, 1, 1_000_000),
                discount.number("min_share", 0.6, 0.0001, 1),
                email.integer("max_email_events_90d", 0, 0, 1_000_000),
                email.integer("min_tenure_days", 90, 0, 100_000),
                email.bool("include_unsubscribed", true));
    }
}
