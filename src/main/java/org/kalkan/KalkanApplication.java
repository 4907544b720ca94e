package org.kalkan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A Kalkan node: the information system of the Joint Defense Council and Crisis Management Center. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class KalkanApplication {

    public static void main(String[] args) {
        SpringApplication.run(KalkanApplication.class, args);
    }
}
