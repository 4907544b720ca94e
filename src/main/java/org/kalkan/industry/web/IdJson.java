package org.kalkan.industry.web;

import org.kalkan.industry.AllocationId;
import org.kalkan.industry.LicenceId;
import org.kalkan.industry.MilestoneId;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.ProposalId;
import org.kalkan.industry.SupplierId;
import org.kalkan.industry.TransferId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** The typed ids of the industry API are written as their UUID string, e.g. {@code "id":"6f1c…"}. */
@Configuration(proxyBeanMethods = false)
class IdJson {

    @Bean
    JacksonModule industryIdsModule() {
        SimpleModule module = new SimpleModule("kalkan-industry-ids");
        for (Class<?> id : new Class<?>[] {ProgrammeId.class, LicenceId.class, SupplierId.class, TransferId.class,
                AllocationId.class, ProposalId.class, MilestoneId.class}) {
            module.addSerializer(id, ToStringSerializer.instance);
        }
        return module;
    }
}
