"""A tiny, seeded, randomly initialized Coqui VITS that tests build themselves (no downloads).

It has the real architecture (text encoder, duration predictor, flow, HiFi-GAN decoder) with
tiny widths, so it proves loading, wiring, shapes and determinism in a second; what it says
is noise. `bench/bench_tts.py` uses `full_size=True` for the default VITS dimensions, whose
speed (not sound) is that of a trained model.
"""

from __future__ import annotations

from pathlib import Path

import torch

from tts._coqui_import import coqui_environment

CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
PUNCTUATIONS = "!'(),-.:;? "


def tiny_vits(
    seed: int,
    directory: str | Path,
    *,
    speakers: list[str] | None = None,
    full_size: bool = False,
) -> Path:
    """Write `model.pth` and `config.json` to `directory`; returns the checkpoint's path."""
    with coqui_environment():
        from TTS.config.shared_configs import BaseAudioConfig
        from TTS.tts.configs.shared_configs import CharactersConfig
        from TTS.tts.configs.vits_config import VitsConfig
        from TTS.tts.models.vits import Vits, VitsArgs

    if full_size:  # Coqui's defaults: 22.05 kHz, hop 256, 192 channels, HiFi-GAN 512
        args = VitsArgs(init_discriminator=False)
        audio = BaseAudioConfig()
    else:
        args = VitsArgs(
            hidden_channels=16,
            hidden_channels_ffn_text_encoder=32,
            num_layers_text_encoder=1,
            num_layers_posterior_encoder=1,
            num_layers_flow=1,
            kernel_size_flow=3,
            resblock_kernel_sizes_decoder=[3],
            resblock_dilation_sizes_decoder=[[1, 3, 5]],
            upsample_rates_decoder=[4, 4, 4],  # product = hop_length
            upsample_initial_channel_decoder=16,
            upsample_kernel_sizes_decoder=[8, 8, 8],
            out_channels=129,  # fft_size // 2 + 1
            speaker_embedding_channels=8,
            use_sdp=False,
            init_discriminator=False,
        )
        audio = BaseAudioConfig(
            sample_rate=16000, fft_size=256, win_length=256, hop_length=64, num_mels=20
        )
    if speakers:
        args.use_speaker_embedding = True
        args.num_speakers = len(speakers)
    characters = CharactersConfig(
        characters_class="TTS.tts.models.vits.VitsCharacters",
        pad="<PAD>",
        eos="<EOS>",
        bos="<BOS>",
        blank="<BLNK>",
        characters=CHARACTERS,
        punctuations=PUNCTUATIONS,
        phonemes=None,
    )
    config = VitsConfig(
        model_args=args,
        audio=audio,
        characters=characters,
        use_phonemes=False,
        text_cleaner="basic_cleaners",
        add_blank=True,
        speakers=list(speakers or []),
    )
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    model = Vits(config)
    checkpoint = directory / "model.pth"
    torch.save({"model": model.state_dict()}, checkpoint)
    config.save_json(str(directory / "config.json"))
    return checkpoint
