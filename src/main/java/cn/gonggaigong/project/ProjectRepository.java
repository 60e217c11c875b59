package cn.gonggaigong.project;


import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.gonggaigong.plan.AnnualPlan;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, Long>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Project> {

    Optional<Project> findByCode(String code);

    Optional<Project> findByProcessInstanceId(String processInstanceId);

    List<Project> findByAnnualPlan(AnnualPlan annualPlan);

    List<Project> findByUnitIdOrderByCode(Long unitId);

    /** Parcel id (upper case) and project code of the given parcels (upper case) in a project still under way (ACTIVE). */
    @org.springframework.data.jpa.repository.Query(value = """
            select upper(pp.parcel_id), p.code from project_parcel pp join project p on p.id = pp.project_id
             where p.status = 'ACTIVE' and upper(pp.parcel_id) in (:parcels) order by p.code""", nativeQuery = true)
    List<Object[]> activeProjectsOfParcels(@org.springframework.data.repository.query.Param("parcels") Collection<String> parcels);
}
