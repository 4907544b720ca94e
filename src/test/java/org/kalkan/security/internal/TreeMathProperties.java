package org.kalkan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.kalkan.security.ConsistencyProof;
import org.kalkan.security.InclusionProof;
import org.kalkan.security.Rfc9162;
import org.kalkan.security.TreeHash;
import org.kalkan.security.internal.TreeMath.CompactRange;
import org.kalkan.security.internal.TreeMath.NodeKey;

/**
 * The node's tree arithmetic against the tests' own RFC 9162 verifier: a tree grown leaf by leaf stores exactly the
 * complete subtrees, its roots are the RFC's tree heads, and every proof computed from the stored subtrees is
 * accepted by the outside verifier (and by the node's own), while any altered proof is refused by both.
 */
class TreeMathProperties {

    /** A tree grown through the compact range, as the sequencer grows it, with everything it stored. */
    private static final class Grown {

        final List<byte[]> leaves = new ArrayList<>();
        final Map<NodeKey, TreeHash> stored = new HashMap<>();
        final List<TreeHash> roots = new ArrayList<>();

        Grown(int size) {
            CompactRange range = new CompactRange(0, List.of());
            roots.add(range.root());
            for (int i = 0; i < size; i++) {
                byte[] leafHash = Rfc9162.leafHash(("entry " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                leaves.add(leafHash);
                stored.put(new NodeKey(0, i), TreeHash.of(leafHash));
                range.append(TreeHash.of(leafHash), (level, index, hash) -> {
                    assertThat(stored.put(new NodeKey(level, index), hash)).as("created once").isNull();
                });
                roots.add(range.root());
            }
        }

        TreeMath.Nodes nodes() {
            return (level, index) -> {
                TreeHash hash = stored.get(new NodeKey(level, index));
                assertThat(hash).as("subtree (%d, %d) stored", level, index).isNotNull();
                return hash;
            };
        }
    }

    @Property(tries = 60)
    void rootsAreTheTreeHeadsOfTheRfc(@ForAll @IntRange(min = 1, max = 300) int size) {
        Grown tree = new Grown(size);
        for (int n = 0; n <= size; n++) {
            byte[] expected = Rfc9162.treeHead(tree.leaves.subList(0, n));
            assertThat(tree.roots.get(n).bytes()).isEqualTo(expected);
            assertThat(TreeMath.root(0, n, tree.nodes()).bytes()).isEqualTo(expected);
        }
        // Every complete subtree was stored, and nothing else.
        long complete = 0;
        for (int level = 0; (1L << level) <= size; level++) {
            complete += size >> level;
        }
        assertThat(tree.stored).hasSize((int) complete);
    }

    @Property(tries = 80)
    void inclusionProofsConvinceAnOutsiderAndAlteredOnesDoNot(@ForAll @IntRange(min = 1, max = 200) int size,
            @ForAll @IntRange(min = 0, max = 199) int index, @ForAll @IntRange(min = 0, max = 31) int flip) {
        Grown tree = new Grown(size);
        int leaf = index % size;
        for (int n = leaf + 1; n <= size; n += Math.max(1, size / 7)) {
            List<TreeHash> path = TreeMath.inclusion(leaf, n, tree.nodes());
            byte[] root = tree.roots.get(n).bytes();
            assertThat(Rfc9162.verifyInclusion(leaf, n, tree.leaves.get(leaf), bytes(path), root)).isTrue();
            assertThat(new InclusionProof(leaf, n, path).verify(TreeHash.of(tree.leaves.get(leaf)), tree.roots.get(n)))
                    .isTrue();
            if (!path.isEmpty()) {
                List<byte[]> altered = bytes(path);
                altered.get(flip % altered.size())[flip] ^= 1;
                assertThat(Rfc9162.verifyInclusion(leaf, n, tree.leaves.get(leaf), altered, root)).isFalse();
                assertThat(new InclusionProof(leaf, n, hashes(altered)).verify(TreeHash.of(tree.leaves.get(leaf)),
                        tree.roots.get(n))).isFalse();
            }
            if (n > 1) {
                int other = (leaf + 1) % n;
                assertThat(Rfc9162.verifyInclusion(other, n, tree.leaves.get(leaf), bytes(path), root)).isFalse();
            }
        }
    }

    @Property(tries = 80)
    void consistencyProofsConvinceAnOutsiderAndAlteredOnesDoNot(@ForAll @IntRange(min = 1, max = 200) int second,
            @ForAll @IntRange(min = 1, max = 200) int firstSeed, @ForAll @IntRange(min = 0, max = 31) int flip) {
        Grown tree = new Grown(second);
        int first = 1 + (firstSeed - 1) % second;
        List<TreeHash> proof = TreeMath.consistency(first, second, tree.nodes());
        byte[] firstRoot = tree.roots.get(first).bytes();
        byte[] secondRoot = tree.roots.get(second).bytes();
        assertThat(Rfc9162.verifyConsistency(first, second, bytes(proof), firstRoot, secondRoot)).isTrue();
        assertThat(new ConsistencyProof(first, second, proof).verify(tree.roots.get(first), tree.roots.get(second)))
                .isTrue();
        if (!proof.isEmpty()) {
            List<byte[]> altered = bytes(proof);
            altered.get(flip % altered.size())[flip] ^= 1;
            assertThat(Rfc9162.verifyConsistency(first, second, altered, firstRoot, secondRoot)).isFalse();
            assertThat(new ConsistencyProof(first, second, hashes(altered)).verify(tree.roots.get(first),
                    tree.roots.get(second))).isFalse();
        }
        if (first < second) {
            // A rewritten first tree (one leaf changed) is not a prefix of the second.
            List<byte[]> rewritten = new ArrayList<>(tree.leaves.subList(0, first));
            rewritten.set(first - 1, Rfc9162.leafHash(new byte[] {42}));
            assertThat(Rfc9162.verifyConsistency(first, second, bytes(proof), Rfc9162.treeHead(rewritten),
                    secondRoot)).isFalse();
        }
    }

    @Example
    void proofsOfTheReferenceTreeAreThePublishedOnes() {
        List<byte[]> reference = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
                hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));
        Map<NodeKey, TreeHash> stored = new HashMap<>();
        CompactRange range = new CompactRange(0, List.of());
        for (int i = 0; i < reference.size(); i++) {
            TreeHash leaf = TreeHash.leaf(reference.get(i));
            stored.put(new NodeKey(0, i), leaf);
            range.append(leaf, (level, index, hash) -> stored.put(new NodeKey(level, index), hash));
        }
        TreeMath.Nodes nodes = (level, index) -> stored.get(new NodeKey(level, index));
        assertThat(HexFormat.of().formatHex(range.root().bytes()))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        assertThat(hexes(TreeMath.inclusion(5, 8, nodes))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(TreeMath.consistency(6, 8, nodes))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(TreeMath.consistency(2, 5, nodes))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(TreeMath.consistency(1, 1, nodes)).isEmpty();
    }

    @Example
    void aProofReadsOnlyTheSubtreesItNeeds() {
        var keys = TreeMath.keysRead(nodes -> TreeMath.inclusion(123_456, 1_000_003, nodes));
        assertThat(keys).hasSizeLessThan(200);
        assertThat(TreeMath.compactRange(13)).containsExactly(new NodeKey(3, 0), new NodeKey(2, 2),
                new NodeKey(0, 12));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static List<String> hexes(List<TreeHash> hashes) {
        return hashes.stream().map(h -> HexFormat.of().formatHex(h.bytes())).toList();
    }

    private static List<byte[]> bytes(List<TreeHash> hashes) {
        return new ArrayList<>(hashes.stream().map(TreeHash::bytes).toList());
    }

    private static List<TreeHash> hashes(List<byte[]> bytes) {
        return bytes.stream().map(TreeHash::of).toList();
    }
}
