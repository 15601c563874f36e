package cn.jiaozuo.biodiversity.bulletin.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of GET /bulletins, newest first. */
@Schema(name = "BulletinPage")
public record BulletinPage(@Schema(required = true, description = "Bulletins without their figures") List<BulletinView> items,
        @Schema(required = true, nullable = true, description = "Opaque; null on the last page",
                example = "MjAyNi0xMS0wMVQwMDoxMDowMFp8NmExZjBjNGUtMmI3ZC00ZTU4LTlhM2MtMGQ1ZThmN2IxYzJh") String nextCursor) {
}
