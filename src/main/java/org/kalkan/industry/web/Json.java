package org.kalkan.industry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.EvmFigures;
import org.kalkan.industry.NationPerformance;
import org.kalkan.industry.PackagePerformance;
import org.kalkan.industry.Performance;

/** Parsing of request fields by name, and the flat JSON shape of earned value. */
final class Json {

    private Json() {
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** A required list without null entries (the domain records copy lists, which refuse nulls). */
    static <T> List<T> list(@Nullable List<T> values, String field) {
        List<T> list = required(values, field);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] is missing");
            }
        }
        return list;
    }

    /** A required map without null keys or values. */
    static <V> Map<String, V> map(@Nullable Map<String, V> values, String field) {
        Map<String, V> map = required(values, field);
        map.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException(field + "." + key + " is missing");
            }
        });
        return map;
    }

    static LocalDate date(@Nullable String value, String field) {
        try {
            return LocalDate.parse(required(value, field).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date such as 2026-07-01, not '" + value + "'");
        }
    }

    static @Nullable LocalDate optionalDate(@Nullable String value, String field) {
        return value == null || value.isBlank() ? null : date(value, field);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable String value, String field) {
        try {
            return Enum.valueOf(type, required(value, field).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            if (value == null) {
                throw e;
            }
            throw new IllegalArgumentException(field + " must be one of " + java.util.Arrays.toString(
                    type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    /** {@code ["WP1", {"code":"WP2","lagDays":5}]}: a code alone is a link without lag. */
    static List<Dependency> dependencies(@Nullable List<Object> values) {
        List<Dependency> links = new ArrayList<>();
        if (values == null) {
            return links;
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof String code) {
                links.add(new Dependency(code, 0));
            } else if (value instanceof Map<?, ?> map && map.get("code") instanceof String code) {
                Object lag = map.get("lagDays");
                if (lag != null && !(lag instanceof Number)) {
                    throw new IllegalArgumentException("dependsOn[" + i + "].lagDays must be a whole number");
                }
                links.add(new Dependency(code, lag == null ? 0 : ((Number) lag).intValue()));
            } else {
                throw new IllegalArgumentException("dependsOn[" + i + "] must be a code or {\"code\":…, \"lagDays\":…}");
            }
        }
        return links;
    }

    /** Programme-level figures at the top, then nations and work packages, as the contract says. */
    record PerformanceJson(String programme, LocalDate asOf, String currency, BigDecimal bac, BigDecimal pv,
            BigDecimal ev, BigDecimal ac, BigDecimal cv, BigDecimal sv, @Nullable BigDecimal cpi,
            @Nullable BigDecimal spi, @Nullable BigDecimal eac, @Nullable BigDecimal tcpi, @Nullable BigDecimal spiT,
            Map<String, NationJson> nations, List<PackageJson> workPackages, List<String> criticalPath,
            org.kalkan.shared.SecurityLabel label) {

        static PerformanceJson of(Performance p) {
            EvmFigures f = p.figures();
            Map<String, NationJson> nations = new java.util.TreeMap<>();
            p.nations().forEach((nation, n) -> nations.put(nation, NationJson.of(n)));
            return new PerformanceJson(p.programme().toString(), p.asOf(), p.currency(), f.bac(), f.pv(), f.ev(),
                    f.ac(), f.cv(), f.sv(), f.cpi(), f.spi(), f.eac(), f.tcpi(), f.spiT(), nations,
                    p.workPackages().stream().map(PackageJson::of).toList(), p.criticalPath(), p.label());
        }
    }

    record NationJson(BigDecimal costShare, BigDecimal plannedWork, BigDecimal earnedWork,
            @Nullable BigDecimal balance, @Nullable BigDecimal earnedBalance, boolean inBand, BigDecimal bac,
            BigDecimal pv, BigDecimal ev, BigDecimal ac, @Nullable BigDecimal cpi, @Nullable BigDecimal spi) {

        static NationJson of(NationPerformance n) {
            EvmFigures f = n.figures();
            return new NationJson(n.costShare(), n.plannedWork(), n.earnedWork(), n.balance(), n.earnedBalance(),
                    n.inBand(), f.bac(), f.pv(), f.ev(), f.ac(), f.cpi(), f.spi());
        }
    }

    record PackageJson(String code, String nation, BigDecimal percentComplete, BigDecimal bac, BigDecimal pv,
            BigDecimal ev, BigDecimal ac, BigDecimal cv, BigDecimal sv, @Nullable BigDecimal cpi,
            @Nullable BigDecimal spi, @Nullable BigDecimal eac, @Nullable BigDecimal tcpi, @Nullable BigDecimal spiT,
            long totalFloatDays, boolean critical) {

        static PackageJson of(PackagePerformance p) {
            EvmFigures f = p.figures();
            return new PackageJson(p.code(), p.nation(), p.percentComplete(), f.bac(), f.pv(), f.ev(), f.ac(), f.cv(),
                    f.sv(), f.cpi(), f.spi(), f.eac(), f.tcpi(), f.spiT(), p.totalFloatDays(), p.critical());
        }
    }
}
