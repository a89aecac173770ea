// Tests never reach the network: nock blocks every host but loopback (our own server).
import nock from "nock";

nock.disableNetConnect();
nock.enableNetConnect(/127\.0\.0\.1|localhost/);
