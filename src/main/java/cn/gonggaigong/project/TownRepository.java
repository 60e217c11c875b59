package cn.gonggaigong.project;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TownRepository extends JpaRepository<Town, String> {

    Optional<Town> findByGroupId(String groupId);

    List<Town> findAllByOrderByKindAscCodeAsc();
}
