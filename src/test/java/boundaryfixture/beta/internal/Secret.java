package boundaryfixture.beta.internal;

/** Internal to module beta. */
public class Secret {
}
