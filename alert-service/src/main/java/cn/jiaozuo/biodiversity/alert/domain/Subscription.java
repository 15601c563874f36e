package cn.jiaozuo.biodiversity.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

/** A bureau's subscription: a webhook or a chat robot ({@link Channel}). */
@Entity
@Table(name = "subscription")
public class Subscription {

    /** The length of the column {@code subscription.filter} (V1__alerts.sql). */
    public static final int MAX_FILTER_LENGTH = 8000;

    @Id
    public UUID id;

    public String name;

    public String organization;

    /** The owning organisation: the {@code org} claim of the creator's token; null for rows from before V2. */
    public String org;

    /** Stored as JSON (at most {@link #MAX_FILTER_LENGTH} characters). */
    @Convert(converter = AlertFilterConverter.class)
    public AlertFilter filter;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** The webhook's or the robot's address (a robot's with its key or access token). */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /**
     * HMAC key for the signature (webhook: required; DingTalk, Feishu: the robot's signing secret, optional; WeCom:
     * null); write-only through the API.
     */
    @Column(name = "webhook_secret")
    public String webhookSecret;

    /** EMAIL: the recipients, comma-separated; null for the other channels. */
    @Column(name = "email_recipients")
    public String emailRecipients;

    /** Severities sent at once when a digest is set, comma-separated; null: {@link DeliveryPlan#DEFAULT_IMMEDIATE}. */
    @Column(name = "immediate_severities")
    public String immediateSeverities;

    @Enumerated(EnumType.STRING)
    public DigestFrequency digest;

    /** DAILY: the digest's local time. */
    @Column(name = "digest_at")
    public LocalTime digestAt;

    /** Quiet hours [from, to) in local time, both null when none. */
    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_to")
    public LocalTime quietTo;

    /** Published monitoring bulletins are sent too. */
    public boolean bulletins;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The severities sent at once (with a digest). */
    public Set<Severity> immediateSet() {
        if (immediateSeverities == null || immediateSeverities.isBlank()) {
            return DeliveryPlan.DEFAULT_IMMEDIATE;
        }
        return Arrays.stream(immediateSeverities.split(",")).map(Severity::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Severity.class)));
    }
}
