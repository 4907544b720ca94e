package org.kalkan.training.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.training.Course;
import org.kalkan.training.DeadLetter;
import org.kalkan.training.IssuedCredentials;
import org.kalkan.training.LearningRecords;
import org.kalkan.training.LearningStatement;
import org.kalkan.training.LearningSystem;
import org.kalkan.training.Person;
import org.kalkan.training.PersonId;
import org.kalkan.training.StatementPage;
import org.kalkan.training.StatementQuery;
import org.kalkan.training.StoredStatement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learning record store. Statements are stored all or none; one that reports a completion is mapped to the
 * person's record in the same transaction, or kept as a dead letter with the reason. A learning system reads and
 * writes as its nation, through the labels: it maps only its own nation's personnel.
 */
@Service
class LrsService implements LearningRecords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEAD_LETTER_LIMIT = 500;

    private final StatementStore store;
    private final PersonStore people;
    private final CatalogueService catalogue;
    private final CompletionRecorder completions;
    private final NationDirectory nations;
    private final TrainingAccess access;
    private final NodeIdentity node;
    private final Clock clock;

    LrsService(StatementStore store, PersonStore people, CatalogueService catalogue, CompletionRecorder completions,
            NationDirectory nations, TrainingAccess access, NodeIdentity node, Clock clock) {
        this.store = store;
        this.people = people;
        this.catalogue = catalogue;
        this.completions = completions;
        this.nations = nations;
        this.access = access;
        this.node = node;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedCredentials register(Subject admin, String name, NationCode nation, Classification clearance,
            SecurityLabel label) {
        return register(admin, name, nation, clearance, label, random(), random());
    }

    /** With given credentials: for the demo node's documented learning system. */
    IssuedCredentials register(Subject admin, String name, NationCode nation, Classification clearance,
            SecurityLabel label, String secret, String token) {
        access.requireRole(admin, Role.ADMIN, "XAPI_SYSTEM", "xapi-system:" + name,
                "Only an administrator registers learning systems.");
        String checked = name == null ? "" : name.strip();
        if (!checked.matches("[a-z0-9][a-z0-9.-]{1,62}")) {
            throw new IllegalArgumentException("name must be 2 to 63 lower-case letters, digits, '.' or '-', e.g. "
                    + "aze-moodle");
        }
        if (!nations.isKnownNation(nation.value())) {
            throw new IllegalArgumentException("nation: unknown nation " + nation);
        }
        if (!clearance.dominates(label.classification())) {
            throw new IllegalArgumentException("label: a system cleared " + clearance + " could not read its own "
                    + label.classification() + " statements");
        }
        access.checkWritable(admin, label);
        if (store.systemExists(checked)) {
            throw new RefusedException("A learning system " + checked + " is registered already.");
        }
        LearningSystem system = new LearningSystem(UUID.randomUUID(), checked, nation, clearance, label);
        store.insertSystem(system, sha256(secret), sha256(token), admin.username(), clock.instant());
        access.record(admin, "XAPI_SYSTEM_REGISTERED", "xapi-system:" + checked, nation + " cleared " + clearance
                + ", statements " + label.marking());
        return new IssuedCredentials(system, checked, secret, token);
    }

    @Override
    @Transactional(readOnly = true)
    public List<LearningSystem> systems(Subject admin) {
        access.requireRole(admin, Role.ADMIN, "XAPI_SYSTEMS", "xapi-systems", "Only administrators list learning "
                + "systems.");
        return store.systems(access.filter(admin, "x"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LearningSystem> authenticate(String key, String secret) {
        return store.byName(key).filter(c -> MessageDigest.isEqual(c.secretHash().getBytes(StandardCharsets.UTF_8),
                sha256(secret).getBytes(StandardCharsets.UTF_8))).map(StatementStore.Credentials::system);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LearningSystem> authenticateToken(String token) {
        return store.byTokenHash(sha256(token));
    }

    @Override
    @Transactional
    public List<UUID> store(LearningSystem system, List<LearningStatement> statements, String version) {
        List<LearningStatement> fresh = new ArrayList<>();
        for (LearningStatement statement : statements) {
            Optional<Boolean> same = store.sameAsStored(statement.id(), statement.document());
            if (same.isPresent() && !same.get()) {
                throw new RefusedException("Statement " + statement.id() + " is stored already with other content; "
                        + "nothing was stored.");
            }
            if (same.isEmpty() && fresh.stream().noneMatch(s -> s.id().equals(statement.id()))) {
                fresh.add(statement);
            }
        }
        Instant now = clock.instant();
        int mapped = 0;
        int dead = 0;
        for (LearningStatement statement : fresh) {
            store.insert(new StatementStore.Row(statement, system.id(), system.name(), version, now, null,
                    system.label(), system.nation()));
            if (!statement.reportsCompletion()) {
                continue;
            }
            String refusal = map(system, statement, now);
            if (refusal == null) {
                mapped++;
            } else {
                store.insertDeadLetter(statement.id(), system.id(), now, refusal, system.label(), system.nation());
                dead++;
            }
        }
        access.recordAs("xapi:" + system.name(), "XAPI_STATEMENTS", "xapi-system:" + system.name(), fresh.size()
                + " stored (" + (statements.size() - fresh.size()) + " already), " + mapped + " completion(s) "
                + "recorded, " + dead + " dead letter(s)");
        return statements.stream().map(LearningStatement::id).toList();
    }

    /** Records the completion the statement reports; the reason it cannot, or null when it did. */
    private @Nullable String map(LearningSystem system, LearningStatement statement, Instant now) {
        if (statement.actor().homePage() == null) {
            return "the actor is not an account of this node (account.homePage " + node.homePage()
                    + ", account.name the person's id)";
        }
        if (!node.homePage().equals(statement.actor().homePage())) {
            return "account.homePage " + statement.actor().homePage() + " is not this node's " + node.homePage();
        }
        Person person;
        try {
            PersonId id = PersonId.parse(String.valueOf(statement.actor().accountName()), "account.name");
            person = people.find(access.filter(system.subject(), "p"), id)
                    .filter(p -> p.nation().equals(system.nation())).orElse(null);
        } catch (IllegalArgumentException e) {
            person = null;
        }
        if (person == null) {
            return "account.name " + statement.actor().accountName() + " is no person of " + system.nation()
                    + " known to this node";
        }
        String prefix = node.courseActivity("");
        if (!statement.activity().startsWith(prefix)) {
            return "object.id " + statement.activity() + " is not a course of the catalogue (" + prefix + "<code>)";
        }
        String code = statement.activity().substring(prefix.length());
        Course course;
        try {
            course = catalogue.find(system.subject(), code);
        } catch (DomainException | IllegalArgumentException e) {
            return "object.id " + statement.activity() + ": no course " + code + " in the catalogue";
        }
        LocalDate on = LocalDate.ofInstant(statement.timestamp() == null ? now : statement.timestamp(),
                ZoneOffset.UTC);
        completions.record(person, course, statement.outcome(), on, "xapi:" + statement.id(), "xapi:" + system.name(),
                false);
        store.linkPerson(statement.id(), person.id().value());
        return null;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredStatement> find(LearningSystem system, UUID id) {
        return store.find(access.filter(system.subject(), "x"), id);
    }

    @Override
    @Transactional(readOnly = true)
    public StatementPage query(LearningSystem system, StatementQuery query) {
        List<Long> sequences = store.sequences(access.filter(system.subject(), "x"), query);
        boolean more = sequences.size() > query.limit();
        List<Long> page = more ? sequences.subList(0, query.limit()) : sequences;
        return new StatementPage(store.bySequences(page, query.ascending()), more ? page.get(page.size() - 1) : null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeadLetter> deadLetters(Subject subject) {
        if (!subject.has(Role.ADMIN) && !subject.has(Role.TRAINING_MANAGER)
                && !subject.has(Role.TRAINING_COORDINATOR)) {
            access.denied(subject, "READ", "xapi-dead-letters", "not an administrator or training staff");
            throw new ForbiddenException("Administrators and training staff see the dead-letter list.");
        }
        return store.deadLetters(access.filter(subject, "x"), DEAD_LETTER_LIMIT);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
