package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tests' own RFC 9162 verifier against the Certificate Transparency reference vectors (RFC 6962 hashing, which
 * RFC 9162 keeps): the eight reference leaves, the tree heads of sizes 0–8, and published inclusion and consistency
 * proofs. Only a verifier that passes these may judge the node's proofs.
 */
class Rfc9162Tests {

    static final List<byte[]> LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").map(Rfc9162Tests::hex).toList();

    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** (leaf index, tree size, audit path) */
    record Inclusion(long index, long size, List<String> path) {
    }

    static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    /** (first, second, proof) */
    record Consistency(long first, long second, List<String> proof) {
    }

    static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> hexes(List<String> hexes) {
        return hexes.stream().map(Rfc9162Tests::hex).toList();
    }

    static List<byte[]> leafHashes() {
        return LEAVES.stream().map(Rfc9162::leafHash).toList();
    }

    @Test
    void treeHeadsAreTheReferenceRoots() {
        for (int n = 0; n <= 8; n++) {
            assertThat(HexFormat.of().formatHex(Rfc9162.treeHead(leafHashes().subList(0, n))))
                    .as("size %d", n).isEqualTo(ROOTS.get(n));
        }
    }

    @Test
    void referenceInclusionProofsVerifyAndAlteredOnesDoNot() {
        for (Inclusion vector : INCLUSIONS) {
            byte[] leaf = leafHashes().get((int) vector.index());
            byte[] root = hex(ROOTS.get((int) vector.size()));
            List<byte[]> path = hexes(vector.path());
            assertThat(Rfc9162.verifyInclusion(vector.index(), vector.size(), leaf, path, root)).isTrue();
            assertThat(Rfc9162.verifyInclusion(vector.index() ^ 1, vector.size(), leaf, path, root)).isFalse();
            byte[] otherLeaf = leafHashes().get(7 - (int) vector.index());
            assertThat(Rfc9162.verifyInclusion(vector.index(), vector.size(), otherLeaf, path, root)).isFalse();
            List<byte[]> altered = new java.util.ArrayList<>(path);
            altered.set(1, Rfc9162.sha256(altered.get(1)));
            assertThat(Rfc9162.verifyInclusion(vector.index(), vector.size(), leaf, altered, root)).isFalse();
            assertThat(Rfc9162.verifyInclusion(vector.index(), vector.size(), leaf, path.subList(0, 2), root))
                    .isFalse();
        }
    }

    @Test
    void referenceConsistencyProofsVerifyAndAlteredOnesDoNot() {
        for (Consistency vector : CONSISTENCIES) {
            byte[] first = hex(ROOTS.get((int) vector.first()));
            byte[] second = hex(ROOTS.get((int) vector.second()));
            List<byte[]> proof = hexes(vector.proof());
            assertThat(Rfc9162.verifyConsistency(vector.first(), vector.second(), proof, first, second))
                    .as("%d → %d", vector.first(), vector.second()).isTrue();
            if (!proof.isEmpty()) {
                List<byte[]> altered = new java.util.ArrayList<>(proof);
                altered.set(0, Rfc9162.sha256(altered.get(0)));
                assertThat(Rfc9162.verifyConsistency(vector.first(), vector.second(), altered, first, second))
                        .isFalse();
            }
            assertThat(Rfc9162.verifyConsistency(vector.first(), vector.second(), proof, Rfc9162.sha256(first),
                    second)).isFalse();
        }
    }
}
