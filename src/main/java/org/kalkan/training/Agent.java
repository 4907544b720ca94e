package org.kalkan.training;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An xAPI agent as a learning record names it: exactly one inverse functional identifier — {@code mbox},
 * {@code mbox_sha1sum}, {@code openid} or an {@code account} (home page and name) — and an optional name. A person
 * of Kalkan is the account {@code {homePage: <node url>, name: <person id>}}.
 */
public record Agent(@Nullable String name, @Nullable String mbox, @Nullable String mboxSha1sum,
        @Nullable String openid, @Nullable String homePage, @Nullable String accountName) {

    public Agent {
        List<String> given = new ArrayList<>();
        if (mbox != null) {
            given.add("mbox");
        }
        if (mboxSha1sum != null) {
            given.add("mbox_sha1sum");
        }
        if (openid != null) {
            given.add("openid");
        }
        if (homePage != null || accountName != null) {
            if (homePage == null || accountName == null) {
                throw new IllegalArgumentException("an account needs both homePage and name");
            }
            given.add("account");
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException("an agent needs exactly one of mbox, mbox_sha1sum, openid, account; "
                    + (given.isEmpty() ? "none" : String.join(", ", given)) + " given");
        }
    }

    public static Agent account(String homePage, String name, @Nullable String displayName) {
        return new Agent(displayName, null, null, null, homePage, name);
    }

    /** The identifier as one comparable string, e.g. {@code account:https://node|1234}. */
    public String key() {
        if (mbox != null) {
            return "mbox:" + mbox;
        }
        if (mboxSha1sum != null) {
            return "mbox_sha1sum:" + mboxSha1sum;
        }
        if (openid != null) {
            return "openid:" + openid;
        }
        return "account:" + homePage + "|" + accountName;
    }
}
