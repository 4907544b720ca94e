package boundaryfixture.beta;

/** The public face of module beta. */
public class Api {
}
