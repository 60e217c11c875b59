package cn.gonggaigong.unit;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RenovationUnitRepository extends JpaRepository<RenovationUnit, Long> {

    Optional<RenovationUnit> findByCode(String code);

    Optional<RenovationUnit> findByProcessInstanceId(String processInstanceId);
}
