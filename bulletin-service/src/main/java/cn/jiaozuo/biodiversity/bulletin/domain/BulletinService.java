package cn.jiaozuo.biodiversity.bulletin.domain;

import cn.jiaozuo.biodiversity.bulletin.config.BulletinConfig;
import cn.jiaozuo.biodiversity.bulletin.repository.BulletinRepository;
import cn.jiaozuo.biodiversity.bulletin.repository.FactRepository;
import cn.jiaozuo.biodiversity.common.events.BulletinSnapshot;
import cn.jiaozuo.biodiversity.common.events.EventTypes;
import cn.jiaozuo.biodiversity.common.events.Topics;
import cn.jiaozuo.biodiversity.common.outbox.Outbox;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Generates and archives bulletins (figures, HTML, PDF) and publishes each version; one transaction each. */
@ApplicationScoped
public class BulletinService {

    /** A bulletin, and whether this call generated it (false: it was in the archive). */
    public record Generated(Bulletin bulletin, boolean created) {
    }

    private final BulletinRepository bulletins;
    private final FactRepository facts;
    private final ObjectMapper json;
    private final EntityManager em;
    private final FigureRules rules;
    private final ZoneId zone;
    private final java.time.Period window;
    private final BulletinPdf pdf;
    private final Outbox outbox;

    public BulletinService(BulletinRepository bulletins, FactRepository facts, ObjectMapper json, EntityManager em,
            BulletinConfig config, Outbox outbox) {
        this.bulletins = bulletins;
        this.facts = facts;
        this.json = json;
        this.em = em;
        this.rules = new FigureRules(config.zone(), config.publicMinCount(), config.protectionRate().targetPercent());
        this.window = config.protectionRate().window();
        this.zone = config.zone();
        this.pdf = new BulletinPdf(config.pdf().font(), config.pdf().fontFamily());
        this.outbox = outbox;
    }

    /**
     * The bulletin of this period, scope and edition: the newest archived version when one exists and
     * {@code regenerate} is false, else a new version generated from the read model now (version 1, or the newest + 1),
     * archived with its HTML and PDF and published as {@code BulletinPublished} through the outbox in the same
     * transaction. Concurrent calls for the same key (a request and the scheduler, two replicas) wait for each other on
     * a transaction-scoped advisory lock, so one generates and the others find it; the unique key (with the version)
     * is the backstop.
     */
    @Transactional
    public Generated generate(Period period, Scope scope, Edition edition, String generatedBy, Instant now,
            boolean regenerate) {
        String key = period.from() + "|" + period.to() + "|" + scope.code() + "|" + edition;
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, lockKey(key)).getSingleResult();
        var stored = bulletins.findLatest(period, scope.code(), edition);
        if (stored.isPresent() && !regenerate) {
            return new Generated(stored.get(), false);
        }
        BulletinFigures figures = rules.figures(period, scope, edition, facts.facts(period, scope, zone, window),
                facts.facts(period.previous(), scope, zone, window));
        Bulletin bulletin = new Bulletin();
        bulletin.id = UUID.randomUUID();
        bulletin.periodFrom = period.from();
        bulletin.periodTo = period.to();
        bulletin.scope = scope.code();
        bulletin.edition = edition;
        bulletin.version = stored.map(b -> b.version + 1).orElse(1);
        bulletin.title = BulletinHtml.title(figures);
        bulletin.figures = write(figures);
        bulletin.contentHash = sha256(bulletin.figures);
        bulletin.html = BulletinHtml.render(figures, bulletin.contentHash);
        bulletin.generatedAt = now;
        bulletin.generatedBy = generatedBy;
        bulletin.pdf = pdf.render(bulletin.html, stamp(bulletin), now);
        bulletins.persist(bulletin);
        outbox.publish(Topics.BULLETINS, bulletin.id.toString(), EventTypes.BULLETIN_PUBLISHED, snapshot(bulletin));
        return new Generated(bulletin, true);
    }

    /** The PDF as archived; one archived before PDFs existed is rendered from its stored HTML now (not stored). */
    @Transactional
    public byte[] pdf(UUID id) {
        Bulletin bulletin = get(id);
        if (bulletin.pdf != null) {
            return bulletin.pdf;
        }
        // Pages archived before V2 left the meta element open, which the renderer's XML parser refuses.
        String page = bulletin.html.replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>");
        return pdf.render(page, stamp(bulletin), bulletin.generatedAt);
    }

    public static String htmlPath(Bulletin b) {
        return "/bulletins/" + b.id + ".html";
    }

    public static String pdfPath(Bulletin b) {
        return "/bulletins/" + b.id + ".pdf";
    }

    static BulletinSnapshot snapshot(Bulletin b) {
        return new BulletinSnapshot(b.id, b.title, b.scope, b.edition.name(), b.periodFrom, b.periodTo, b.version,
                b.contentHash, htmlPath(b), pdfPath(b), b.generatedAt);
    }

    /** The PDF's last line: what the HTML (a pure function of the figures) cannot say about this version. */
    private String stamp(Bulletin b) {
        return "第 " + b.version + " 版 · 生成于 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(b.generatedAt.atZone(zone))
                + "（" + zone.getId() + "）";
    }

    @Transactional
    public Bulletin get(UUID id) {
        return bulletins.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No bulletin " + id));
    }

    @Transactional
    public List<Bulletin> list(BulletinFilter filter) {
        return bulletins.list(filter);
    }

    /** The stored figures, read back. */
    public BulletinFigures figures(Bulletin bulletin) {
        try {
            return json.readValue(bulletin.figures, BulletinFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored figures of bulletin " + bulletin.id + " unreadable", e);
        }
    }

    private String write(BulletinFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Figures not writable", e);
        }
    }

    private static long lockKey(String key) {
        byte[] digest = sha256Bytes(key);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
