"""MediaConvert adapter of the transcode port: a job per video; EventBridge reports the end."""

from __future__ import annotations

from urllib.parse import urlsplit

from .port import (
    POSTER_HEIGHT,
    RENDITIONS,
    Job,
    Outcome,
    Output,
    TranscodeError,
    Transcoder,
    rendition_key,
)

APP = "together"  # userMetadata.app of our jobs (with the bucket: see the stack's rule)
SOURCE = "aws.mediaconvert"
DETAIL_TYPE = "MediaConvert Job State Change"
# MediaConvert's error codes (docs: mediaconvert_error_codes) as reasons people understand:
# 1010 means it could not open the input at all; 1020-1099 are problems inside the input.
# Everything else (S3 access 14xx, the service's 3xxx) is ours to fix.
NOT_VIDEO_CODES = {1010}
DAMAGED_CODES = range(1020, 1100)
POSTER_CAPTURES = 2  # frames at 0 s and 1 s; the poster is the last one written


def _s3(bucket: str, key: str) -> str:
    return f"s3://{bucket}/{key}"


def _key(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


class MediaConvertTranscoder(Transcoder):
    """Submits CreateJob (regional endpoint: DescribeEndpoints is no longer needed)."""

    def __init__(self, client, *, bucket: str, role_arn: str | None,
                 queue_arn: str | None = None):
        self.client = client
        self.bucket = bucket
        self.role_arn = role_arn
        self.queue_arn = queue_arn

    def submit(self, job: Job) -> None:
        if not self.role_arn:
            raise TranscodeError("MediaConvert needs the role its jobs run as: set TOGETHER_"
                                 "MEDIACONVERT_ROLE_ARN (the stack output MediaConvertRoleArn)")
        self.client.create_job(**self.job_request(job))
        return None

    def job_request(self, job: Job) -> dict:
        """CreateJob's parameters: one input, the MP4 renditions, a poster frame."""
        destination = _s3(self.bucket, f"{job.output_prefix}video")
        request = {
            "Role": self.role_arn,
            # The same token for the same attempt: a repeated S3 event starts no second job.
            "ClientRequestToken": f"{APP}-{job.video_id}-{job.attempt}",
            # The stack's EventBridge rule matches app and bucket: each stage hears its own jobs.
            "UserMetadata": {"app": APP, "bucket": self.bucket, "video_id": job.video_id},
            "StatusUpdateInterval": "SECONDS_60",
            "Settings": {
                "TimecodeConfig": {"Source": "ZEROBASED"},
                "Inputs": [{
                    "FileInput": _s3(self.bucket, job.source_key),
                    "TimecodeSource": "ZEROBASED",
                    "VideoSelector": {"Rotate": "AUTO"},  # phones record sideways + a flag
                    "AudioSelectors": {"Audio Selector 1": {"DefaultSelection": "DEFAULT"}},
                }],
                "OutputGroups": [
                    {"Name": "Renditions",
                     "OutputGroupSettings": {"Type": "FILE_GROUP_SETTINGS",
                                             "FileGroupSettings": {"Destination": destination}},
                     "Outputs": [self._rendition(r) for r in RENDITIONS]},
                    {"Name": "Poster",
                     "OutputGroupSettings": {"Type": "FILE_GROUP_SETTINGS",
                                             "FileGroupSettings": {"Destination": destination}},
                     "Outputs": [self._poster()]},
                ],
            },
        }
        if self.queue_arn:
            request["Queue"] = self.queue_arn
        return request

    @staticmethod
    def _rendition(r) -> dict:
        return {
            "NameModifier": f"-{r.name}",
            # PROGRESSIVE_DOWNLOAD puts the moov box first: MediaConvert's +faststart.
            "ContainerSettings": {"Container": "MP4",
                                  "Mp4Settings": {"MoovPlacement": "PROGRESSIVE_DOWNLOAD"}},
            "VideoDescription": {
                "Height": r.height,  # width follows the aspect ratio
                "CodecSettings": {"Codec": "H_264", "H264Settings": {
                    "RateControlMode": "QVBR", "QvbrSettings": {"QvbrQualityLevel": 7},
                    "MaxBitrate": r.video_kbps * 1000, "CodecProfile": "MAIN",
                    "GopSize": 2, "GopSizeUnits": "SECONDS",
                    "SceneChangeDetect": "TRANSITION_DETECTION",
                    "QualityTuningLevel": "SINGLE_PASS_HQ"}},
            },
            "AudioDescriptions": [{
                "AudioSourceName": "Audio Selector 1",
                "CodecSettings": {"Codec": "AAC", "AacSettings": {
                    "Bitrate": r.audio_kbps * 1000, "CodingMode": "CODING_MODE_2_0",
                    "SampleRate": 48000}},
            }],
        }

    @staticmethod
    def _poster() -> dict:
        return {
            "NameModifier": "-poster",
            "ContainerSettings": {"Container": "RAW"},
            "VideoDescription": {
                "Height": POSTER_HEIGHT,
                "CodecSettings": {"Codec": "FRAME_CAPTURE", "FrameCaptureSettings": {
                    "FramerateNumerator": 1, "FramerateDenominator": 1,
                    "MaxCaptures": POSTER_CAPTURES, "Quality": 80}},
            },
        }

    def outcome_of(self, event: dict) -> Outcome | None:
        """A COMPLETE, ERROR or CANCELED "MediaConvert Job State Change" of one of our jobs."""
        detail = event.get("detail") or {}
        metadata = detail.get("userMetadata") or {}
        if (event.get("source") != SOURCE or event.get("detail-type") != DETAIL_TYPE
                or metadata.get("app") != APP or metadata.get("bucket") != self.bucket
                or not metadata.get("video_id")):
            return None
        video_id, status = metadata["video_id"], detail.get("status")
        job = f"job {detail.get('jobId')}"
        if status == "ERROR":
            code = detail.get("errorCode")
            reason = ("not_video" if code in NOT_VIDEO_CODES
                      else "damaged" if code in DAMAGED_CODES else "internal")
            return Outcome.failed(video_id, reason, f"{job}: {code} {detail.get('errorMessage')}")
        if status == "CANCELED":
            return Outcome.failed(video_id, "internal", f"{job} was canceled")
        if status != "COMPLETE":
            return None
        return self._completed(video_id, detail, job)

    def _completed(self, video_id: str, detail: dict, job: str) -> Outcome:
        outputs = [o for group in detail.get("outputGroupDetails", [])
                   for o in group.get("outputDetails", [])]
        by_key, durations = {}, []
        for output in outputs:
            size = output.get("videoDetails") or {}
            for path in output.get("outputFilePaths", []):
                by_key[_key(path)] = Output(_key(path), size.get("widthInPx", 0),
                                            size.get("heightInPx", 0))
            if output.get("durationInMs"):
                durations.append(output["durationInMs"] / 1000)
        renditions = {}
        for r in RENDITIONS:
            found = [o for k, o in by_key.items() if k.endswith(rendition_key("", r.name))]
            if not found:
                return Outcome.failed(video_id, "internal", f"{job} reported no {r.name} output")
            renditions[r.name] = found[0]
        posters = sorted((o for k, o in by_key.items() if k.endswith(".jpg")), key=lambda o: o.key)
        return Outcome(video_id, duration_s=max(durations) if durations else None,
                       renditions=renditions, poster=posters[-1] if posters else None)
